import type { DefaultCategory } from '../../domain/index.js';
import { cue, type Cue } from './text.js';

/**
 * Cues per category in English, Dutch, German and French. Patterns are folded (no accents, lower case)
 * and match at the start of a word, so "refund" also finds "refunded" and "bestelling" "bestellingen".
 */
export const CATEGORY_CUES: Record<Exclude<DefaultCategory, 'other'>, Cue[]> = {
  complaint: [
    cue('complain|complaint|klacht|beschwerde|plainte|reclamation', 3, 'complaint'),
    cue('unacceptable|onacceptabel|inakzeptabel|inacceptable', 2.5, 'unacceptable'),
    cue('disappointed|teleurgesteld|enttauscht|decu', 2, 'disappointed'),
    cue('terrible|awful|horrible|worst|schandalig|belachelijk|waardeloos|slecht|schrecklich', 2, 'terrible'),
    cue('rude|onbeschoft|unfreundlich|impoli', 2, 'rude staff'),
    cue('never again|nooit meer|nie wieder|plus jamais', 2.5, 'never again'),
    cue('fed up|genoeg van|ben het beu|in de steek', 1.5, 'fed up'),
    cue('poor service|slechte service|klantenservice is', 2, 'poor service'),
    cue('manager|supervisor|leidinggevende|chef', 1, 'wants a manager'),
    cue('still (?:not|no|haven)|nog steeds (?:niet|geen)|immer noch nicht|toujours pas', 1.5, 'still not'),
  ],
  order: [
    cue('order|ordered|bestel|bestelling|bestellung|commande', 2, 'order'),
    cue('deliver|delivery|bezorg|levering|geleverd|lieferung|geliefert|livraison|livre', 2, 'delivery'),
    cue('shipping|shipped|verzend|verzonden|versand|expedi', 2, 'shipping'),
    cue('track|tracking|track ?& ?trace|volg|sendungsverfolgung|suivi', 2, 'tracking'),
    cue('parcel|package|pakket|pakje|paket|colis', 2, 'parcel'),
    cue('return|retour|ruckgabe|ruecksendung|terugsturen', 2, 'return'),
    cue('cancel|annuleer|annuleren|stornier|annuler', 1.5, 'cancel'),
    cue('exchange|ruilen|omruilen|umtausch|echanger', 1.5, 'exchange'),
    cue('size|maat|grosse|taille', 1, 'size'),
    cue('stock|voorraad|lager|en stock', 1, 'stock'),
    cue('arrive|arrived|aangekomen|ontvangen|angekommen|arrive', 1.5, 'arrival'),
    cue('courier|postnl|dhl|ups\\b|dpd|bezorger', 1.5, 'courier'),
  ],
  technical: [
    cue('log ?in|inloggen|login|anmelden|connexion|connecter', 2.5, 'login'),
    cue('password|wachtwoord|passwort|mot de passe', 2.5, 'password'),
    cue('error|fout|foutmelding|fehler|erreur', 2, 'error'),
    cue('crash|crashes|vastlopen|loopt vast|absturz|plante', 2.5, 'crash'),
    cue('bug|glitch|storing|defect|kapot|broken|werkt niet|doesn.?t work|not working|funktioniert nicht|ne marche pas|ne fonctionne pas', 2, 'not working'),
    cue('app\\b|apps\\b|website|site\\b|pagina|seite', 1, 'app or site'),
    cue('account|profiel|konto|compte', 1.5, 'account'),
    cue('verification|verificatie|code|2fa|otp|sms', 1.5, 'verification code'),
    cue('update|install|installeer|software|firmware', 1.5, 'software'),
    cue('reset|locked|geblokkeerd|gesperrt|bloque', 2, 'locked out'),
  ],
  billing: [
    cue('invoice|factuur|rechnung|facture', 2.5, 'invoice'),
    cue('refund|terugbetal|geld terug|erstattung|rembourse', 2.5, 'refund'),
    cue('charge|charged|afgeschreven|gefactureerd|abgebucht|preleve|debite', 2.5, 'charged'),
    cue('twice|double|dubbel|twee keer|2x|doppelt|deux fois', 1.5, 'charged twice'),
    cue('payment|pay|paid|betaal|betaling|betaald|zahlung|bezahlt|paiement|paye', 2, 'payment'),
    cue('price|prijs|preis|prix|cost|kosten|cout', 1, 'price'),
    cue('subscription|abonnement|abo\\b', 1.5, 'subscription'),
    cue('credit card|creditcard|ideal|paypal|klarna|iban|bank', 1.5, 'payment method'),
    cue('discount|korting|kortingscode|rabatt|remise|coupon|voucher', 1.5, 'discount'),
    cue('vat\\b|btw|mwst|tva\\b|receipt|kassabon|bonnetje|quittung', 1.5, 'receipt or VAT'),
  ],
};

/** Minimum score for a category to be chosen over `other`. */
export const MIN_CATEGORY_SCORE = 1.5;
