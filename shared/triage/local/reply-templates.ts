import type { DefaultCategory } from '../../domain/index.js';

export type TemplateLanguage = 'nl' | 'en' | 'de' | 'fr';

interface LanguagePack {
  greeting: (name?: string) => string;
  signOff: string;
  bodies: Record<DefaultCategory, string>;
}

/**
 * Per-intent replies. They acknowledge, ask for what an agent needs next and promise nothing the
 * agent has not checked: the agent edits before approving.
 */
export const TEMPLATES: Record<TemplateLanguage, LanguagePack> = {
  nl: {
    greeting: (name) => (name ? `Hoi ${name},` : 'Hoi,'),
    signOff: 'Met vriendelijke groet,\nKlantenservice',
    bodies: {
      complaint: 'Wat vervelend dat het zo gelopen is, en sorry daarvoor. We zoeken dit meteen voor je uit. Wil je je ordernummer sturen, als je dat hebt?',
      order: 'Dank voor je bericht over je bestelling. Wil je je ordernummer sturen? Dan kijken we direct wat de status is.',
      technical: 'Vervelend dat het niet werkt. Welke foutmelding zie je, en op welk apparaat? Dan helpen we je verder.',
      billing: 'Dank voor je vraag over de betaling. Wil je het factuur- of ordernummer sturen? Dan controleren we het voor je.',
      other: 'Dank voor je bericht. Waarmee kunnen we je helpen?',
    },
  },
  en: {
    greeting: (name) => (name ? `Hi ${name},` : 'Hi,'),
    signOff: 'Kind regards,\nCustomer service',
    bodies: {
      complaint: "We're sorry this happened. We'll look into it right away. Could you send your order number, if you have one?",
      order: 'Thanks for your message about your order. Could you send your order number? We will check its status straight away.',
      technical: "Sorry it isn't working. Which error do you see, and on which device? Then we can help you further.",
      billing: 'Thanks for your question about the payment. Could you send the invoice or order number? We will check it for you.',
      other: 'Thanks for your message. How can we help?',
    },
  },
  de: {
    greeting: (name) => (name ? `Hallo ${name},` : 'Hallo,'),
    signOff: 'Mit freundlichen Grüßen,\nKundenservice',
    bodies: {
      complaint: 'Es tut uns leid, dass das passiert ist. Wir kümmern uns sofort darum. Können Sie uns Ihre Bestellnummer schicken?',
      order: 'Danke für Ihre Nachricht zu Ihrer Bestellung. Können Sie uns die Bestellnummer schicken? Dann prüfen wir den Status.',
      technical: 'Schade, dass es nicht funktioniert. Welche Fehlermeldung sehen Sie, und auf welchem Gerät?',
      billing: 'Danke für Ihre Frage zur Zahlung. Können Sie uns die Rechnungs- oder Bestellnummer schicken?',
      other: 'Danke für Ihre Nachricht. Wie können wir helfen?',
    },
  },
  fr: {
    greeting: (name) => (name ? `Bonjour ${name},` : 'Bonjour,'),
    signOff: 'Cordialement,\nService client',
    bodies: {
      complaint: 'Nous sommes désolés de ce qui est arrivé. Nous nous en occupons tout de suite. Pouvez-vous nous envoyer votre numéro de commande ?',
      order: 'Merci pour votre message concernant votre commande. Pouvez-vous nous envoyer votre numéro de commande ?',
      technical: "Désolés que cela ne fonctionne pas. Quel message d'erreur voyez-vous, et sur quel appareil ?",
      billing: 'Merci pour votre question sur le paiement. Pouvez-vous nous envoyer le numéro de facture ou de commande ?',
      other: 'Merci pour votre message. Comment pouvons-nous vous aider ?',
    },
  },
};

export function templateLanguage(language: string): TemplateLanguage {
  return language in TEMPLATES ? (language as TemplateLanguage) : 'en';
}
