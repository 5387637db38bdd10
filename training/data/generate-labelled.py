#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""
generate-labelled.py -- DATA-AUTHORING SCRIPT. NOT USED AT RUN TIME.

Nothing in the Balie application imports or executes this file. It only exists so that the labelled
customer-service messages in training/data/labelled/ ({en,nl,de,fr}.jsonl) can be regenerated,
reviewed and extended reproducibly.

How it works
  * Hand-written whole messages are used as-is (with light chat noise).
  * Hand-written templates are expanded: inline alternatives are written [a|b|c] (nestable, an empty
    alternative makes a part optional) and slots are written {slot} (order numbers, amounts, dates,
    products, ...; a slot keeps one value within a message).
  * Messages are dressed per channel: email gets a greeting, sign-off, optional context sentences and
    a subject; chat channels get lowercase, missing punctuation, typos, abbreviations and emoji.
  * Each template line carries its sentiment label; tone openers/closers may change a neutral message
    to positive/negative, and the label is updated accordingly. Category is fixed by the list a line
    lives in.
  * Exact duplicate texts are dropped (across all languages). The seed is fixed, so every run produces
    byte-identical output. Standard library only (Python 3.8+).

Usage:  python3 training/data/generate-labelled.py [--out DIR]
        (default DIR: the labelled/ folder next to this script)

Output: JSON Lines, one object per line with keys text, subject (email only, optional), channel,
language, category (complaint|order|technical|billing|other), sentiment (negative|neutral|positive).
"""
import argparse
import json
import os
import random
import re

SEED = 20240917
R = random.Random(SEED)

CATS = ['complaint', 'order', 'technical', 'billing', 'other']
SENT = {'-': 'negative', '0': 'neutral', '+': 'positive'}


# --------------------------------------------------------------------------------------------------
# authoring helpers
# --------------------------------------------------------------------------------------------------
def L(block):
    """Parse an authoring block. One item per line:  <sentiment><mode> <text>
    sentiment: - negative, 0 neutral, + positive.
    mode: '' any channel, c chat only, s chat only and never wrapped (greetings/thanks), e email only.
    A text may start with {{Subject}}; a literal \\n in the text is a line break."""
    out = []
    for raw in block.strip('\n').split('\n'):
        line = raw.strip()
        if not line or line.startswith('#'):
            continue
        m = re.match(r'^([-0+])([cse]?)\s+(.*)$', line)
        if not m:
            raise ValueError('bad authoring line: %r' % line)
        text = m.group(3).replace('\\n', '\n')
        subject = None
        sm = re.match(r'^\{\{(.*?)\}\}\s*(.*)$', text, re.S)
        if sm:
            subject, text = sm.group(1), sm.group(2)
        out.append({'s': SENT[m.group(1)], 'mode': m.group(2), 'text': text, 'subject': subject})
    return out


def W(block):
    """Plain list of strings, one per line (blank lines and # comments skipped)."""
    return [ln.strip().replace('\\n', '\n') for ln in block.strip('\n').split('\n')
            if ln.strip() and not ln.strip().startswith('#')]


ALT_RE = re.compile(r'\[([^\[\]]*)\]')
SLOT_RE = re.compile(r'\{(\w+)\}')


def expand_alts(t):
    while True:
        m = ALT_RE.search(t)
        if not m:
            return t
        t = t[:m.start()] + R.choice(m.group(1).split('|')) + t[m.end():]


def pick_slot(lang, key, cache):
    slots = LANGS[lang]['slots']
    if key not in slots:
        raise KeyError('%s: unknown slot {%s}' % (lang, key))
    v = slots[key]
    if callable(v):
        val = v(cache) if getattr(v, 'wants_cache', False) else v()
    else:
        val = R.choice(v)
    if '##' in val:
        val, extra = val.split('##', 1)
        for kv in extra.split(';'):
            a, b = kv.split('=')
            cache.setdefault(a, b)
    return expand_alts(val)


def fill_slots(t, lang, cache):
    for k in ('product', 'gadget', 'clothing', 'size'):           # slots that set agreement keys must be resolved first
        if '{' + k + '}' in t and k not in cache:
            cache[k] = pick_slot(lang, k, cache)

    def rep(m):
        k = m.group(1)
        if k not in cache:
            cache[k] = pick_slot(lang, k, cache)
        return cache[k]
    return SLOT_RE.sub(rep, t)


NO_CAP = re.compile(r'^(i[A-Z]|e\.g|@|#|http|ff\b|pls\b|thx\b|aub\b|svp\b)')


def capitalise(t):
    def cap_at(s, i):
        if i < len(s) and s[i].islower() and not NO_CAP.match(s[i:]):
            return s[:i] + s[i].upper() + s[i + 1:]
        return s
    t = cap_at(t, 0)
    for m in list(re.finditer(r'(?:(?<!\d)\.\s+|[!?]\s+|\n)(?=[a-zà-ÿ])', t)):
        t = cap_at(t, m.end())
    return t


def tidy(t, lang):
    t = re.sub(r'[ \t]+', ' ', t)
    t = '\n'.join(ln.strip() for ln in t.split('\n'))
    t = re.sub(r'\n{3,}', '\n\n', t)
    if lang != 'fr':
        t = re.sub(r' +([,.!?:;])', r'\1', t)
    else:
        t = re.sub(r' +([,.])', r'\1', t)
    t = re.sub(r'\.\.(?!\.)', '.', t)
    t = re.sub(r'([?!])\.', r'\1', t)
    return t.strip()


def realize(t, lang, cache, cap=True):
    t = expand_alts(fill_slots(t, lang, cache))
    t = fill_slots(t, lang, cache)   # alternatives may introduce slots
    t = tidy(t, lang)
    return capitalise(t) if cap else t


# --------------------------------------------------------------------------------------------------
# slot value helpers
# --------------------------------------------------------------------------------------------------
def fmt_money(lang, v, cents, cur):
    if lang == 'en':
        num = ('{:,}'.format(v) if cents == 0 and R.random() < 0.6 else '{:,}.{:02d}'.format(v, cents))
        return R.choice([cur + num] * 6 + [cur + ' ' + num] + ([num + ' EUR', num + ' euros'] if cur == '€' else []))
    whole = '{:,}'.format(v).replace(',', '.')
    num = whole if cents == 0 and R.random() < 0.5 else '%s,%02d' % (whole, cents)
    if lang in ('nl', 'de'):
        forms = ['€ ' + num, '€' + num, '€ ' + num, num + ' euro', 'EUR ' + num]
        if cents == 0:
            forms.append('€ %s,-' % whole)
        if lang == 'de':
            forms += [num + ' €', num + ' €', num + ' Euro', num + '€']
        return R.choice(forms)
    return R.choice([num + ' €', num + '€', num + ' €', num + ' euros', '€' + num])


def money(lang, key):
    """Amount slot. Amounts within one message share a currency; {amount2}/{price2} is the lower of a pair
    (e.g. "normally {amount2}", "went up from {price2} to {price}")."""
    def f(cache):
        if '_cur' not in cache:
            cache['_cur'] = R.choice(['€', '€', '£', '£', '$']) if lang == 'en' else '€'
        base = key.rstrip('2')
        other = base if key.endswith('2') else base + '2'
        if '_v' + other in cache:
            ov = cache['_v' + other]
            v = ov * R.uniform(0.45, 0.88) if key.endswith('2') else ov * R.uniform(1.15, 2.2)
        elif base == 'price':
            v = R.choice([R.uniform(4, 20), R.uniform(8, 45), R.uniform(20, 90)])
        elif base == 'fee':
            v = R.choice([R.uniform(1, 6), R.uniform(2, 15), R.uniform(5, 40)])
        else:
            v = R.choice([R.uniform(3, 60), R.uniform(10, 150), R.uniform(20, 300), R.uniform(60, 900)])
        v = max(1 if base == 'fee' else 2, int(v))
        cache['_v' + key] = v
        cents = R.choice([0, 0, 95, 99, 50, 49, 90, 25, 75, 45, 10]) if base == 'amount' else R.choice([0, 99, 95, 49, 50])
        return fmt_money(lang, v, cents, cache['_cur'])
    f.wants_cache = True
    return f


def order_no():
    r = R.random()
    n = R.randint(100000, 99999999)
    if r < 0.3:
        return '#%d' % R.randint(10000, 999999)
    if r < 0.55:
        return str(n)
    if r < 0.7:
        return '%s-%d-%05d' % (R.choice(['ORD', 'BST', 'WEB', 'NL', 'BE', 'DE', 'FR']), R.choice([2023, 2024]),
                               R.randint(1, 99999))
    if r < 0.85:
        return '%s%d' % (R.choice(['A', 'B', 'K', 'W', 'NL', 'X']), R.randint(100000, 9999999))
    return '#' + ''.join(R.choice('ABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(R.choice([6, 7, 8])))


def ref_no():
    return R.choice(['CS-', 'REF ', 'case ', 'ticket #', 'SR', 'RMA-', '#']) + str(R.randint(10000, 9999999))


def inv_no():
    return R.choice(['INV-', 'F', '', '2024-', 'FA']) + str(R.randint(100000, 99999999))


def cust_no():
    return str(R.randint(1000000, 99999999))


def voucher():
    return R.choice(['WELCOME', 'SPRING', 'SUMMER', 'BLACKFRIDAY', 'VIP', 'FRIENDS', 'WINTER', 'NEWS', 'APP',
                     'STUDENT', 'SALE', 'HELLO']) + str(R.choice([5, 10, 15, 20, 25, 30, 50]))


def errcode():
    return R.choice(['E%d' % R.randint(1, 99), 'F%02d' % R.randint(1, 40), 'E-%d' % R.randint(100, 999),
                     '0x%08X' % R.randint(0x80000000, 0x8FFFFFFF), str(R.choice([401, 403, 404, 500, 502, 503])),
                     'ERR_%s' % R.choice(['NETWORK', 'TIMEOUT', 'CONNECTION_RESET', 'SSL_PROTOCOL', 'AUTH_FAILED']),
                     'code %d' % R.randint(1000, 9999)])


def rint(a, b):
    return lambda: str(R.randint(a, b))


def flight():
    return R.choice(['SL', 'NJ', 'AV', 'BF', 'WW', 'KX']) + str(R.randint(100, 2999))


LANGS = {}


# ==================================================================================================
# ENGLISH
# ==================================================================================================
def _date_en():
    months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
              'October', 'November', 'December']
    d = R.randint(1, 28)
    suf = 'th' if 10 <= d <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')
    m = R.choice(months)
    return R.choice(['%d %s' % (d, m), '%s %d' % (m, d), '%s %d%s' % (m, d, suf), 'the %d%s' % (d, suf),
                     '%02d/%02d' % (d, R.randint(1, 12)), R.choice(['Monday', 'Tuesday', 'Wednesday', 'Thursday',
                                                                    'Friday', 'Saturday']),
                     '%d %s' % (d, m[:3])])


EN = {
    'slots': {
        'order': order_no, 'order2': order_no, 'ref': ref_no, 'inv': inv_no, 'cust': cust_no, 'code': voucher,
        'errcode': errcode, 'flight': flight,
        'amount': money('en', 'amount'), 'amount2': money('en', 'amount2'), 'price': money('en', 'price'), 'price2': money('en', 'price2'), 'fee': money('en', 'fee'),
        'date': _date_en, 'date2': _date_en,
        'days': rint(3, 24), 'weeks': rint(2, 7), 'hours': rint(2, 48), 'mins': rint(20, 95), 'years': rint(2, 15),
        'n': ['3', '4', '5', 'three', 'four', 'five', '6'], 'last4': rint(1000, 9999), 'pct': ['10', '15', '20', '25', '30'],
        'product': W(r'''
            the blue hoodie
            the Lumo desk lamp
            the air fryer
            the coffee machine
            the Nomad 28L backpack
            the duvet cover set
            the kids' raincoat
            the winter coat
            the robot vacuum
            the espresso machine
            the bike lock
            the 55" TV
            the standing desk
            the linen shirt
            the smartwatch
            the baby monitor
            the office chair
            the electric toothbrush
            the phone case
            the bluetooth speaker
            the weighted blanket
            the kettle
            the yoga mat
            the gaming headset
            the floor lamp
            the cast iron pan
            the tablet
        '''),
        'gadget': W(r'''
            the smartwatch
            the robot vacuum
            the baby monitor
            the bluetooth speaker
            the tablet
            the gaming headset
            the video doorbell
            the e-reader
            the security camera
            the fitness tracker
            the dashcam
            the electric toothbrush
            the cordless vacuum
            the smart lock
        '''),
        'clothing': W(r'''
            the blue hoodie
            the linen shirt
            the winter coat
            the kids' raincoat
            the green dress
            the denim jacket
            the wool jumper
            the rain jacket
            the puffer jacket
            the black blazer
            the striped top
            the maxi skirt
        '''),
        'size': ['S##size2=M', 'M##size2=S', 'M##size2=L', 'L##size2=M', 'XL##size2=L', '38##size2=40', '40##size2=38', '42##size2=44', '44##size2=42', '10##size2=12', '12##size2=10', '14##size2=12'],
        'size2': ['S', 'M', 'L', 'XL', 'XXL', '36', '41', '43', '8', '11'],
        'carrier': ['DPD', 'DHL', 'UPS', 'Royal Mail', 'Evri', 'FedEx', 'the courier', 'Parcelforce'],
        'city': ['Manchester', 'Leeds', 'Bristol', 'Dublin', 'Glasgow', 'Birmingham', 'Cardiff', 'Brighton',
                 'Amsterdam', 'Cork', 'Nottingham', 'Leicester'],
        'country': ['Ireland', 'the Netherlands', 'Germany', 'France', 'Belgium', 'Spain', 'the US', 'Norway',
                    'Switzerland', 'Italy', 'Northern Ireland', 'Canada'],
        'street': ['14 Elmwood Road', '3 Kestrel Close', 'Flat 2, 88 Harbour Street', '27 Cranbrook Avenue',
                   '5 Mill Lane', '61 Sycamore Drive', 'Unit 4, Riverside Park', '112 Queensway'],
        'agent': ['Kevin', 'Jade', 'Mo', 'Stacey', 'Dan', 'Priya', 'Liam', 'Chloe', 'Gary', 'Aisha', 'Tom', 'Becky'],
        'name': ['Sarah', 'Tom', 'Priya', 'James', 'Hannah', 'Oliver', 'Nadia', 'Mike', 'Claire', 'Rob', 'Siobhan',
                 'Dev', 'Laura', 'Chris', 'Fatima', 'Gareth', 'Emily', 'Sam', 'Ruth', 'Callum'],
        'fullname': ['Sarah Whitfield', 'Tom Hargreaves', 'Priya Raman', 'James O\'Connell', 'Hannah Birch',
                     'Oliver Penrose', 'Nadia Karim', 'Mike Dunmore', 'Claire Ashby', 'Rob Fenwick',
                     'Gareth Llewelyn', 'Emily Stroud', 'Callum Reid', 'Ruth Okafor'],
        'device': ['an iPhone 13', 'an iPhone 15', 'a Samsung Galaxy S21', 'a Pixel 7', 'Android 14', 'iOS 17',
                   'a Xiaomi phone', 'an old iPhone 8', 'a OnePlus', 'a Samsung A52'],
        'error': ['"Something went wrong"', 'error 500', '"Invalid session"', '"Unable to verify"',
                  '"Network error, try again later"', 'a blank screen',
                  'error 403', '"Your request could not be processed"', '"Account temporarily unavailable"'],
        'plan': ['Premium', 'Family', 'Pro', 'Basic', 'Unlimited', 'Plus'],
        'shop': ['a restaurant', 'Tesco', 'a petrol station', 'a hotel', 'Amazon', 'a car rental place', 'Ikea',
                 'the supermarket', 'a café in Lisbon'],
        'time': ['8am', '6 this morning', 'about 7pm', 'lunchtime', 'midnight', '10:30'],
        'handle': ['@northbaysupport', '@HomeLoopUK', '@snugwear', '@VeloMobile', '@QuidlyBank', '@brightboxhelp',
                   '@Kettleandco', '@StreamNestHelp', '@ParcelPigeon'],
    },
    'greet_email': W(r'''
        Hi,
        Hello,
        Hi there,
        Dear Sir/Madam,
        Dear customer service,
        Good morning,
        Good afternoon,
        Hello team,
        To whom it may concern,
        Hi team,
        Dear Support,
        Hey,
    ''') + ['', ''],
    'sign_email': W(r'''
        Kind regards,\n{name}
        Thanks,\n{name}
        Best,\n{name}
        Regards,\n{fullname}
        Many thanks,\n{fullname}
        Cheers,\n{name}
        Thanks in advance,\n{fullname}
        Best wishes,\n{name}
        {name}
        Sent from my iPhone
        Kind regards\n{fullname}
        Yours faithfully,\n{fullname}
    '''),
    'greet_chat': W(r'''
        hi
        hello
        hey
        hiya
        good morning
        hi there
        hello,
        hey guys
        morning
        evening
    '''),
    'tone': {
        'neu_close': W(r'''
            Thanks in advance.
            Thank you.
            Thanks.
            Let me know please.
            Appreciate it.
            Thanks for your help.
            Looking forward to hearing from you.
            Please advise.
            Cheers.
        '''),
        'neu_close_chat': ['thx', 'thanks', 'ty', 'pls', 'cheers', 'thank you', 'ta'],
        'pos_open': W(r'''
            Hope you're having a great day!
            [First of all, |]thanks for the [great|lovely] service so far!
            You've always been brilliant, so I'm sure you can help :)
            Big fan of what you do - quick question.
            Love you guys! Quick question:
        '''),
        'pos_close': W(r'''
            Thanks so much, you guys are the best!
            Love your service, thank you so much 😊
            Keep up the great work!
            Thanks a million, you've always been brilliant!
            You're stars, thank you!
            [Many thanks|Thanks] - always a pleasure dealing with you.
        '''),
        'neg_open': W(r'''
            Second time asking.
            I asked this [last week|a few days ago] and didn't get an answer.
            Sorry to chase, but this is getting urgent.
            I'm getting a bit frustrated with this.
            Bit stressed about this, to be honest.
        '''),
        'neg_close': W(r'''
            Getting impatient now.
            Please hurry, it's urgent.
            Would appreciate a quick answer this time.
            Really need this sorted[ asap|].
            Frustrating.
            Annoying, to be honest.
        '''),
        'neg_open_strong': W(r'''
            I am [absolutely|beyond] furious.
            Unbelievable.
            I can't believe I have to write this [again|AGAIN].
            Honestly, what a joke.
            [Right,|OK,] I've had enough.
            I've never been this disappointed with a company.
        '''),
        'neg_close_strong': W(r'''
            I expect a reply today.
            If this isn't resolved I'm [taking it further|going to the ombudsman|cancelling my account].
            [Absolutely|Completely] unacceptable.
            I want compensation for this.
            Never [again|ordering from you again].
            You've lost a customer.
            I'll be leaving a review.
            Sort it out.
        '''),
    },
    'subjects': {
        'order': L(r'''
            0 Order {order} ~ order
            0 My order ~ order|parcel|deliver|bought|return
            0 Question about my order ~ order
            0 Question
            0 Quick question
            0 Help please
            0 Where is my order? ~ where|tracking|arriv|deliver|parcel
            0 Delivery question ~ deliver|shipping|ship|dispatch
            0 Return request ~ return|send back|sent back
            0 Re: Your order has shipped ~ tracking|parcel|arriv
            0 Change of address ~ address
            0 Exchange ~ exchange|swap|size
            0 Cancel order ~ cancel
            0 Refund for returned item ~ refund
            0 Missing item ~ missing|only received|part of
            0 Card not arrived ~ card
            0 Stock question ~ stock
            0 Pickup ~ pick up|collect|pickup
            0 Wrong item ~ wrong
            - Still waiting!! ~ still|waiting|where
            - Where is my parcel??? ~ parcel|tracking|arriv
            - Order {order} NOT delivered ~ deliver|arriv
            + Quick question about my order :)
        '''),
        'complaint': L(r'''
            0 Complaint
            0 Formal complaint
            0 Complaint - ref {ref}
            0 Re: Re: Re: case {ref}
            0 Service
            - Appalling service
            - Extremely disappointed
            - Still no response
            - URGENT - third time asking
            - Unacceptable
            - Escalation
            - Fwd: no reply
        '''),
        'technical': L(r'''
            0 Technical issue
            0 Help needed
            0 Problem
            0 Login problem ~ log ?in|password|locked|code
            0 Can't log in ~ log ?in
            0 App issue ~ app
            0 Error message ~ error
            0 Password reset ~ password
            0 Verification code ~ code|2fa|verification|sms
            0 Account locked ~ locked|blocked|suspended
            0 Faulty product ~ stopped working|won't|battery|noise|hot|leak|charge
            0 Setup question ~ set up|pair|connect|reset
            0 No internet ~ internet|wifi|outage|signal|router
            0 Card not working ~ declined|contactless|pin
            - App broken AGAIN ~ app
            - Nothing works
            + Small bug report ~ bug
        '''),
        'billing': L(r'''
            0 Billing question
            0 Payment
            0 Invoice ~ invoice|receipt
            0 Invoice request ~ invoice
            0 Question about my bill ~ bill|charge|fee
            0 Double charge ~ twice|double|duplicate
            0 Refund ~ refund|back
            0 Subscription ~ subscription|plan|trial
            0 Unknown charge ~ recogni|charge
            0 VAT invoice ~ vat
            0 Receipt ~ receipt
            0 Transfer pending ~ transfer|pending
            0 Fee? ~ fee|withdrawal|charged
            0 Payment method ~ pay by|paypal|klarna|card
            - Charged twice!! ~ twice|double
            - Overcharged ~ charge|fee|bill
            - Where is my refund ~ refund
        '''),
        'other': L(r'''
            0 Question
            0 Enquiry
            0 Quick question
            0 Hello
            0 Opening hours ~ open|hours
            0 Partnership ~ partner|collab|sponsor|podcast|event
            0 Job application ~ job|vacanc|hiring|cv
            0 GDPR request ~ data|gdpr
            0 Unsubscribe ~ unsubscribe|newsletter|marketing
            0 Feedback ~ suggestion|feedback
            + Thank you! ~ thank
            + Thanks ~ thank
            + Compliment ~ love|amazing|great
        '''),
    },
    'context': {
        'order': W(r'''
            My order number is {order}. ~ order|parcel|deliver|return|arriv|stock
            I placed the order on {date}. ~ ^(?!.*ago)(?=.*(order|parcel|deliver|arriv))
            It's a [birthday present|gift|present for my mum], so timing matters a bit. ~ order|parcel|deliver|arriv|ship
            I've been ordering from you for years and this hasn't happened before. ~ wrong|missing|still|where|damaged|not |n't|never|only received
            I'm [travelling|away] from {date2}, so it would be good to know soon.
            I paid with PayPal, if that matters. ~ order|refund|return
        '''),
        'technical': W(r'''
            It worked fine until {date}. ~ not|n't|won't|stopped|keeps|error|crash|down|drop|declined|fail|blocked|locked|never|blank|frozen|loop|spins|reload|outage|no signal|noise|hot|battery
            This started [on {date}|a few days ago|yesterday]. ~ not|n't|won't|stopped|keeps|error|crash|down|drop|declined|fail|blocked|locked|never|blank|frozen|loop|spins|reload|outage|no signal|noise|hot|battery
            I've already tried [turning it off and on again|restarting everything]. ~ not|n't|won't|stopped|keeps|error|crash|down|drop|declined|fail|blocked|locked|never|blank|frozen|loop|spins|reload|outage|no signal|noise|hot|battery
            I need this working for work, so any help is appreciated. ~ not|n't|won't|stopped|keeps|error|crash|down|drop|declined|fail|blocked|locked|never|blank|frozen|loop|spins|reload|outage|no signal|noise|hot|battery
            Happy to send [photos|a video|screenshots] if that helps. ~ not|n't|won't|stopped|keeps|error|crash|down|drop|declined|fail|blocked|locked|never|blank|frozen|loop|spins|reload|outage|no signal|noise|hot|battery
        '''),
        'billing': W(r'''
            My customer number is {cust}.
            The account is in my [husband's|partner's|wife's] name, if that matters.
        '''),
        'complaint': W(r'''
            I've been a customer for {years} years.
            I have already called [twice|three times|{n} times].
            Nobody has got back to me.
            I've wasted hours on this.
            This is not the first time.
            My reference is {ref}.
            I have screenshots of everything.
        '''),
        'other': [],
    },
    'aside': W(r'''
        PS are you open on Sunday?
        Also, do you have a store in {city}?
        Btw, do you have a newsletter I can sign up to?
        PS: is there a phone number I can call?
    '''),
}

EN['core'] = {}
EN['whole'] = {}

EN['core']['order'] = L(r'''
0 Where is my order {order}? [It was supposed to arrive|The confirmation said it would be delivered|You said it would arrive] [on|by] {date}[ and nothing has come| and I haven't received anything|].
- It's been {days} days since I ordered and [the tracking hasn't moved|tracking still says "label created"|there's still no sign of my parcel]. Where is it?
0 Could you tell me when order {order} will be [shipped|dispatched]?
0 Can I still change the delivery address on order {order}? I [put in my old address by mistake|won't be home that week|just moved]. The new one is {street}.
0 I'd like to cancel order {order}[ please| if it hasn't shipped yet| - I ordered the wrong colour].
0 Is {product} going to be [back in stock|restocked][ anytime soon| before {date}]? [It's been sold out for weeks.|The site just says "out of stock".|]
0 Do you have {clothing} in size {size}? [Only {size2} shows on the website.|The size guide is a bit confusing.|]
0 How do I return {clothing}? [It doesn't fit.|Wrong size, way too small.|It looks quite different from the photos.|I changed my mind.] [Do I need to print a label?|Is return shipping free?|]
0 I sent back {product} [{days} days ago|on {date}] and haven't had the refund yet. [Can you check if the return has arrived?|The tracking shows you received it.]
- I returned {product} [almost {weeks} weeks ago|on {date}] and STILL no refund. [Your warehouse signed for it on {date2}.|The return was confirmed by email.] When am I getting my {amount} back?
0 Can I exchange {clothing} for a size {size}? [Same item, just bigger.|I'd rather not pay shipping twice.]
0 Tracking for {order} says delivered but [there's nothing here|I never got it|there's nothing at my door or with the neighbours]. [Could you check with {carrier}?|What happens now?]
- {carrier} [says they tried to deliver|left a "sorry we missed you" card] but I was home all day and nobody rang. How do I get my parcel now?
0 What are your shipping costs to {country}? [And how long does it take?|Is there a minimum for free shipping?]
0 Do you ship to {country}? [Couldn't find it in the checkout.|]
0 Can I [pick up|collect] my order at your {city} store instead of having it delivered?
0 Got an email saying order {order} is ready for pickup - until when can I collect it?
+ Just got my order, [super fast|way quicker than expected]! Can I [add a second one|order another] and have it shipped [together|the same way]?
0 I only received part of order {order}. [{product} is missing.|One item wasn't in the box.] Is it coming separately?
- Received the wrong item. I ordered {clothing} and got [something completely different|the wrong colour|size {size2} instead of {size}]. [Please send the right one.|How do I swap it?]
0 Can you combine orders {order} and {order2} into one shipment?
0 Is it possible to schedule delivery for a Saturday?
0 I need {product} before {date} - if I order today with express, will it arrive in time?
+ Hi! I'd love to order {product} as a gift - can you [gift wrap it|leave the price off the packing slip]? Thanks so much!
0 My [new debit card|replacement card|new credit card] [hasn't arrived yet|still hasn't come] - I ordered it {days} days ago. Can you check where it is?
0 How do I order a replacement card? Mine is [damaged|snapped in half|really worn].
0 I'd like to order a new cheque book please.
0 Lost my card [yesterday|on holiday] - [I've frozen it in the app|already blocked it]. How long does a replacement take to arrive?
0 Can my new card be sent to {street} instead? I'm [staying there for a few months|recently moved].
- Ordered my new SIM {days} days ago and it still isn't here. [How am I meant to port my number?|Starting to get annoyed.]
0 When will my [new phone|router|TV box|replacement modem] be delivered? Order {order}.
0 Can I still [add an item to|change the colour on] order {order}?
- Your site said "in stock, ships in 24h" and now, {days} days later, it's "backordered". When is {product} actually shipping?
0 Is there a return deadline? I bought {clothing} on {date} but [haven't opened it|only tried it on once].
0 Where do I drop off my return? [Can I use any {carrier} point?|Do I need the original box?]
+ {clothing} is lovely but [a bit too small|not quite the right colour for my room] - could I swap it for a [bigger size|different colour]? Thanks!
0 What's the status of my refund for the returned {product}? Return number {ref}.
- Hello?? Still waiting on order {order}.
0c order {order} - any update?
0c has my parcel shipped yet?
0c when is {product} back in stock?
0c can i still change my order?
-c tracking hasn't updated in {days} days...
+c parcel arrived, thanks!! one q: can i return the jumper I don't need?
0c is the return label in the box or do i print it
0c do u deliver on sundays
0c what's the delivery time to {country}?
-c where's my stuff, ordered {date}
0 My parcel is stuck at the depot according to {carrier} ("[awaiting customs clearance|held at sorting centre|delayed - exception]"). Do I need to do anything?
0 Can I change the delivery day? I won't be in on {date}.
0 The box arrived [damaged|crushed|soaking wet] but [{product} inside seems fine|I haven't opened {product} yet]. Should I [keep it|refuse it|return it]?
+ Thank you for the quick delivery! Could you tell me if you'll get {clothing} in [green|black|size {size}] as well?
0 I ordered the wrong size by accident. Can you change it to {size} before it ships? Order {order}.
0 How much is shipping for a [sofa|bulky item|wardrobe], and do you carry it upstairs?
''')

EN['whole']['order'] = L(r'''
0e {{Delivery question}} Hello,\n\nI placed an order last night (#58120) and realised I picked standard delivery. Is it still possible to upgrade to next-day? Happy to pay the difference.\n\nThanks,\nEmma
-e {{Order 771042 - where is it?}} Hi there,\n\nI ordered a dining table and four chairs on the 2nd of this month. The website said 5-7 working days. It's now nearly three weeks later and I've had no dispatch email, no tracking, nothing. Can someone please give me an actual delivery date? I need to arrange for someone to be home.\n\nRegards,\nMark Ellison
0e {{Return}} Hi, I'd like to return two of the three shirts from order 20394857 (the white ones, size L). The blue one I'm keeping. Could you send me a return label? Thanks, Dev
+e {{Exchange please :)}} Hi team!\n\nThe trainers arrived today and they're gorgeous, but they come up a bit small. Could I exchange them for a 39 instead of a 38? I've kept the box and everything.\n\nThanks so much,\nLaura
0e {{Card not received}} Good morning,\n\nI requested a replacement debit card on 4 March after my old one expired. The app says it was sent on the 6th but it still hasn't arrived. Should I wait a bit longer or can you cancel it and send another one? My address hasn't changed.\n\nKind regards,\nRuth Okafor
0 hi, i ordered a birthday cake topper (order 8812093) for saturday. will it definitely arrive by friday? otherwise ill have to buy something locally
-c its been 2 weeks. two. weeks. where is my parcel
0c did my return arrive yet? sent it monday via evri
0c can i pick up in store tomorrow instead?
0c is the large in stock anywhere?
+c omg it arrived already 😍 one question - does the lamp come with a bulb or do i need to order one?
0 Could you hold my parcel at the depot? I'm away until the 20th and don't want it left outside.
0 Quick one: does the 2-for-1 on socks also work if I pick up in store? I'd like to order today and collect Saturday.
-c your tracking link just says "error" and the parcel is a week late. where is it
0 Good afternoon, I'd like to order a new cheque book for our business account ending 4471. Could it be sent to the registered office address please?
0 Hi, my order says "delivered to safe place" but I have no idea where that is. There's no photo. Can you find out where the driver left it?
- I cancelled order 4419203 within an hour of placing it and got a confirmation, but now I have a shipping email?! Please stop it before it goes out.
0c do you still have the oak side table? website says 1 left
0c how long do refunds take after you get the return?
+c thanks for the update! fingers crossed it comes tomorrow 🤞 is there a way to get text alerts for the delivery?
0 Hello, can I return an item bought online to one of your stores, or does it have to go back by post?
0 My son's school shoes came in the wrong width (wide instead of regular). Can I just send them back and reorder, or is there an exchange option?
-e {{Missing parcel}} Hi,\n\nOrder BST-2024-03371. Tracking said "out for delivery" on Tuesday, then "delivery attempted", then nothing for four days. I work from home so nobody tried to deliver anything. Please either resend or refund. I've now been waiting over two weeks for a £14 phone charger.\n\nRob
0c hi! can i add gift wrapping to order #39201 after ordering?
0c new card still not here, ordered 10 days ago
''')

EN['core']['complaint'] = L(r'''
- This is the [third|fourth|fifth] time I'm [contacting you|writing in|chasing this] and [nobody|no one] has [bothered to reply|actually helped]. [Absolutely ridiculous.|I'm done.|What is going on over there?]
- I was promised a [callback|refund|reply within 24 hours] [on {date}|last week|{days} days ago] and [never heard anything|nothing happened]. [Stop making promises you don't keep.|Why should I believe anything you say?]
- [The agent|The person|Your colleague] I spoke to [on the phone|in chat] [today|yesterday], {agent}, was [incredibly rude|dismissive|condescending] and [hung up on me|told me it was my own fault|basically laughed at me]. I want this [escalated|looked into].
- I want to speak to a manager. [Your agents keep giving me copy-paste answers.|I've explained this {n} times now.|I'm not dealing with the chat anymore.]
- Worst customer service I have [ever|honestly ever] experienced. [{days} days|Two weeks|A month] of emails and [still nothing resolved|still no solution].
- If this isn't sorted by {date} I'm [cancelling everything|taking my business elsewhere|going to my bank for a chargeback|speaking to a solicitor|going to the ombudsman|going to Trading Standards].
- Honestly [disgusted|appalled|so disappointed] with how I've been treated. [I've been a loyal customer for {years} years|I've spent thousands with you] and this is how you treat me?
- Every single time I order from you something goes wrong. [Wrong item, late delivery, and now no refund.|First it was late, then damaged, and now nobody answers.] Never again.
- Your delivery driver [threw my parcel over the fence|left my parcel out in the rain|was really aggressive with my elderly mum]. Completely unacceptable.
- I've been on hold for [{mins} minutes|over an hour] [today|three days in a row] only to be [cut off|transferred to the wrong department|told to send an email]. Pathetic.
- You closed my [ticket|case] without [fixing anything|even replying]. [Reopen it.|Is this a joke?]
- I will be leaving a [1-star|very honest] review [on Trustpilot|everywhere I can] [and telling everyone I know|unless someone contacts me today].
- Your service has gone [downhill|completely downhill] [since last year|lately]. [Late deliveries, staff who don't care, nobody replying.|It used to be great, now it's a joke.]
- Your [chatbot|bot|automated system] is useless and there's no way to reach a human. [I've been going round in circles for an hour.|Absolutely infuriating.]
- Your colleague told me [the refund|the replacement|a technician] would [be processed|be sent|come] within [3|5] days. That was {weeks} weeks ago. [Nobody takes responsibility.|Who is actually in charge there?]
- The staff at your {city} store [treated me like a thief|ignored me for 20 minutes|refused to help with my return and were rude about it]. I expected much better.
- The engineer [didn't turn up|was a no-show] [again|for the second time] after I took [a day off work|the whole day off]. [Who's paying for my lost day?|This is beyond a joke.]
- I'm sick of being passed from one department to the next. [Billing says it's sales, sales says it's billing.|Nobody owns the problem.] Sort it out.
- You advertise "[next-day delivery|24/7 support|hassle-free returns]" but [that's clearly not true|reality is nothing like that]. [False advertising.|Very misleading.]
- Formal complaint: [on {date}|last week] I [was charged for a cancelled order|received a damaged item] and [every contact since has been ignored|your team refused to help]. I expect a written response within 14 days.
- Not impressed at all. [Ordered a birthday present that never came|The item was clearly used], and when I asked for help [I got a rude reply|I got nothing].
- {days} days without [internet|a working phone line] and all you say is "we're looking into it". I'm paying for a service I'm not getting. [I want compensation.|Cancel my contract.]
0 I'd like to file a complaint about the service I received at your {city} branch on {date}. [The staff member was unhelpful and I left without a resolution.|I waited over an hour and was sent away.]
0 Please register a formal complaint about [how my return was handled|the delivery of order {order}]. Reference {ref}.
0 I want to lodge a complaint about the way my case ({ref}) has been handled. Please let me know the complaints procedure.
-c worst service ever
-c this is the 3rd time i ask. NOBODY REPLIES
-c unbelievable. still nothing from you
-c can someone competent please answer me
-c done with you lot. cancelling
-c {days} days. no reply. no refund. no nothing
- I'm genuinely shocked at how bad this has been. [Three different people told me three different things.|Every agent gives a different answer.]
- You [broke your promise|didn't keep your word] again. I was guaranteed delivery before the weekend [for my daughter's birthday|for the wedding] and it's now Monday. [Thanks for ruining it.|Great job.]
- [Great|Fantastic|Brilliant] service as always... [{days} days|two weeks] waiting and [not a single reply|still no refund]. 🙄
- Thanks for nothing. [Your "support" team|Your staff] [closed my case|told me to wait] and the problem is still there.
- Why do I have to chase YOU for [my own money|a product I paid for|an answer]? This is [shocking|appalling] customer service.
- My complaint from {date} ({ref}) has been ignored. [Escalate this please.|I want a senior manager to call me.]
- Wow. [Ordered|Paid] on {date}, [cancelled by you|"lost" by you] twice, and now you want me to [pay again|wait another 2 weeks]? [Joke of a company.|Incredible.]
- I've been a customer for {years} years and I'm seriously considering leaving. [Nobody listens.|Your service used to be good.]
- I asked for a callback [three times|{n} times] and nobody ever called. Do you even have a customer service department?
- Your technician [left a mess|damaged my wall|was 4 hours late and didn't apologise]. I'm not happy about the way this was handled at all.
- Stop sending me [marketing emails|surveys asking how you did] when you [still haven't fixed my problem|can't even answer my question]. Unreal.
- Do your staff get any training? [The guy in the {city} store had no clue and was rude on top of it.|I got three wrong answers in one chat.]
- I don't want another apology or a voucher, I want you to actually [fix it|do what you promised|keep to your own terms].
- Promised a refund, then a replacement, then a refund again. [Make up your mind.|This is chaos.] I want someone senior to deal with this.
- Your "[priority|premium]" support is a joke. [Paid extra for it|Been a premium member for {years} years] and I still wait days for an answer.
- You've messed up [my order|my account|my bill] [three months in a row|again]. I'm [reporting this|posting about it] and [switching provider|looking elsewhere].
''')

EN['whole']['complaint'] = L(r'''
-e {{Formal complaint - appalling treatment}} Dear Sir/Madam,\n\nI am writing to formally complain about the way I have been treated over the past month. My washing machine was delivered damaged on 3 May. Since then I have been promised a replacement twice, had two delivery slots cancelled without notice, and have spent more than four hours on the phone. On Friday your agent told me that "there is nothing more she can do" and ended the call.\n\nI have been a customer for eleven years. I expect a senior member of staff to contact me within five working days, otherwise I will take this to the ombudsman.\n\nYours faithfully,\nClaire Ashby
-e {{Re: Re: Re: still nothing}} Hi,\n\nThis is my fourth email. Nobody has replied to any of them. Your website says you answer within 48 hours. It has been 12 days. I'm not even asking for much - just a reply from a human being.\n\nCallum
- Just had the most unpleasant phone call with one of your agents. I explained my issue politely and he sighed, talked over me and then put me on hold for 25 minutes before the line went dead. I'd like to know whether that's how you train your staff.
- Honestly, every month there's something. Last month a wrong charge, this month the delivery, next month who knows. I'm paying for "premium" and getting less than basic. Looking at other providers now.
-c you lot are a joke. third delivery slot missed and not even a text
-c nice one guys, took a day off for nothing 🙃
-c do you actually read these messages or?
- I want to make a complaint about the driver who delivered to my house this morning. He was shouting at my kids to move out of the way and then threw the box at the door. I have it on my doorbell camera.
- Your staff member told me on the phone that I was "lying" about not receiving my parcel. I have never been spoken to like that by a company. I'd like an apology and I'd like this escalated.
0 I'd like to make a complaint. On Saturday I visited your Bristol store to return a jacket with a receipt, and the manager refused the return without explanation. I would like someone to review this.
- I'm really disappointed. I recommended you to all my friends and now I feel embarrassed because every single one has had problems with deliveries and no one from your side seems to care.
- Three engineer appointments, three no-shows. Each time I took unpaid leave. Each time nobody phoned. You owe me more than an apology.
-c manager. now. please.
-c been a customer 9 yrs and this is how u treat me?? unreal
- Honestly the worst company I've ever dealt with. Can't get through on the phone, the chat closes at 5, emails bounce. How are customers supposed to reach you?!
- So apparently a "48 hour response time" means 3 weeks. Good to know. Cancel my account please, I've had enough.
-e {{Complaint about your complaints process}} Hello,\n\nI raised complaint CS-881204 five weeks ago about my damaged sofa. I was told it would be reviewed within 10 working days. I've since received two automated emails saying it's "in progress" and nothing else. Meanwhile I'm sitting on a broken sofa I paid £1,149 for.\n\nPlease treat this as an escalation. If I don't hear from a person by Friday I will contact the ombudsman.\n\nJames O'Connell
- Love how you can take my money in 2 seconds but need 6 weeks to answer a simple question. Top service 👏👏
- You sent me someone else's order, then asked ME to pay to send it back, then lost my actual order. How is this company still in business?
-c i have been waiting on hold for 58 minutes. fifty eight.
- Your staff at the Leeds branch were lovely, but your head office is a nightmare. Nobody ever calls back and nobody takes responsibility. It's the third time I've been promised a callback.
- I'm a nurse, I work 12-hour shifts, and I've now wasted two of my days off waiting for a delivery that never came. The least you could do is answer my emails.
-c why does nobody ever get back to me?? seriously
- I'm going to be honest, I'm tired. Tired of chasing you, tired of repeating myself, tired of "we're escalating this". Just fix it or let me go.
''')

EN['core']['technical'] = L(r'''
0 I can't log in to [the app|my account|the website]. It says [{error}|"incorrect password"] but I [know the password is right|just reset it].
0 The password reset email [never arrives|isn't coming through]. [I've checked spam.|Tried three times now.]
- I'm not getting the [2FA|verification|SMS] code, so I'm [locked out|stuck on the login screen]. [Please help asap.|Super frustrating.]
0 My account [got|has been] locked after too many login attempts. How do I unlock it?
- The app [keeps crashing|crashes every time] when I [open it|try to pay|go to my orders]. [I'm on {device}.|Already reinstalled it.]
0 Getting {error} when I try to [check out|place an order|upload my documents|save my details]. [Is the site down?|Is something broken on your end?]
- {gadget} stopped working after {days} days. [It won't turn on anymore.|It won't charge at all.|It just keeps restarting.] [Is this a known problem?|What do I do?]
0 {gadget} [makes a weird buzzing noise|gets really hot|keeps switching off by itself]. Is that normal?
0 How do I [pair|connect|set up] {gadget} [with my phone|to the wifi]? The manual isn't very clear.
- Internet has been down since [this morning|last night|{time}]. [Router lights are blinking orange.|No wifi at all.] Is there an outage in {city}?
0 My wifi keeps dropping every [few minutes|half hour]. [I've restarted the router.|Already did a factory reset.]
0 I can't change my email address in account settings - the save button [doesn't do anything|gives an error].
0 How do I turn on two-factor authentication?
- My card got declined at [the supermarket|a petrol station|the checkout] even though I have [plenty of money|enough balance] in my account. The app says {error}. [Embarrassing!|What's going on?]
0 My PIN is blocked after [entering it wrong three times|3 wrong attempts]. How do I unblock it?
0 Contactless [isn't working|doesn't work] on my card - [chip and PIN works fine|I have to insert it every time].
- The identity verification keeps failing. [I've uploaded my passport {n} times.|The selfie step just loops.] [Can't open my account.|What am I doing wrong?]
0 Trying to top up with Apple Pay and I keep getting "[Top-up failed|Transaction could not be completed]". [Tried two cards.|Any idea?]
- Can't log in to mobile banking since the [update|latest update]. [It just says "something went wrong".|Face ID doesn't work anymore either.]
0 Does the app work on [{device}|older Android phones|an iPad]?
0 The website won't load on [Safari|Firefox|my phone] - just a white page.
0 I get logged out every time I close the app. Is there a setting for that?
0 [Notifications|Push notifications] stopped working after the update.
+ Loving the new app design! Only thing: [dark mode doesn't stay on|search hasn't found anything since yesterday]. Is that a bug?
+ Hi! Just got {gadget} and it's great, but I can't work out how to [connect it to the app|update the firmware]. Any tips?
- The [washing machine|dishwasher|coffee machine] you installed [last week|on {date}] shows error {errcode} and won't start.
0 My [SIM|eSIM] won't activate. It's been {hours} hours. [No signal.|Says "SIM not provisioned".]
0 No mobile signal at home since {date}. [Neighbours have the same.|Is there maintenance going on?]
- Your website [logged me out during checkout|crashed halfway through payment] and now I don't know if my order went through.
0 The QR code on my [return label|ticket] won't load in the app. Can you help?
-c app not working again
-c cant login!!!
0c forgot my password and the reset link has expired
0c how do i reset my pin?
-c is the site down?
0c getting error {errcode} in the app
-c verification code never comes
0c how do i connect it to alexa?
0 How do I reset {gadget} to factory settings?
0 The battery on {gadget} [only lasts an hour now|drains overnight|won't charge past 40%]. [It's only {weeks} weeks old.|Is it faulty?]
0 The tracking page on your website gives {error} - is it just me? Hmm
- For the [third|second] time this week the app has [frozen|logged me out] in the middle of [a payment|a transfer]. Please fix it.
0 Is there an outage? [TV|Internet and TV] not working since {time}, box says "{errcode}".
0 My smart meter stopped sending readings on {date}. The in-home display is blank.
0 The left earbud of my [wireless earbuds|headphones] doesn't charge anymore. Warranty?
0 When I try to [upload a photo|attach a file] it says the file is too large, but it's only 2 MB.
0 I'm trying to set up the app on my new phone but it asks for a code sent to my old number, which I don't have anymore.
0 Which browser do you support? [Your checkout won't work on Firefox.|The page just spins on Edge.]
- Every time I [enter my card details|click pay] the page reloads and empties the basket. [Tried 5 times.|Incredibly annoying.]
+ Thanks for the new update, much faster! Small thing though - [the widget is blank on my home screen|Touch ID isn't offered anymore].
''')

EN['whole']['technical'] = L(r'''
0e {{Can't log in}} Hello,\n\nSince yesterday evening I can't log in to my account. I enter my email and password and then it asks for a verification code, but the SMS never arrives. I've checked that my number is correct in the app and I have signal. I've tried about six times now.\n\nCould you reset this or send the code another way?\n\nThanks,\nNadia
-e {{Faulty kettle}} Hi,\n\nThe kettle I bought three weeks ago has started leaking from the bottom. There's water all over the counter every time I use it, which is honestly a bit dangerous. I still have the box and receipt. What are my options?\n\nKind regards,\nGareth
-c the app just shows a white screen when i open it. iphone 12, updated yesterday
-c wifi down AGAIN. 3rd time this week
0c how do i change my password? can't find it in settings
0c is there a problem with the app right now? won't load my balance
+c love the robot vacuum!! but it keeps getting stuck on the rug, any setting for that? 😅
0 My card keeps getting declined online with "3D Secure failed" but it works in shops. Do I need to activate something?
0 Hello, I was locked out of online banking after mistyping my password. The screen says to contact you. Can you unlock it? I can verify my identity by phone.
- I've tried to verify my identity FOUR times. Passport, driving licence, selfie, everything. Every time "verification unsuccessful". I can't use my account at all. What now?
0 Hi, the contactless on my card stopped working last week. It says "insert card" every time. It's not damaged as far as I can see.
0 Tried to add money with my debit card and it says "top-up declined, error 05". I have money in my bank. What does that mean?
-e {{Router}} Hi team,\n\nThe new router you sent me loses connection every evening between 7 and 10pm. I've tried a different cable, a different socket, and a factory reset. The status page says everything is fine in my area. It's making working from home impossible.\n\nRegards,\nEmily Stroud
0 My smartwatch isn't syncing with the app anymore. Bluetooth is on, I've unpaired and re-paired it. Android 14. Any ideas?
0c can't scan the QR code for the 2FA setup, camera won't focus on it. is there a manual code?
-c your checkout page has been broken all day. "payment method not supported" for every card 🙄
0 Is there a way to log in without the SMS code? I'm abroad and my UK SIM isn't working here.
+ Hey, first of all the app is brilliant. Small bug though: when I switch to Spanish the balance shows as 0. Switching back fixes it.
0 I changed phones and now the banking app says my device isn't registered. How do I register the new one?
- The dishwasher has shown error E24 since day one and the "engineer" just reset it. It came back the next day. I want it properly fixed.
0c my PIN got blocked at the atm. how do i get it unblocked??
0 Hello, when I try to reset my password it says "this link is no longer valid" even when I click it straight away.
-c tv box stuck on "updating" for 6 hours
0 My account says "suspended - contact support". I haven't done anything unusual. Could you tell me why and how to get access again?
''')

EN['core']['billing'] = L(r'''
- I've been charged twice for order {order}. [Two payments of {amount} on my statement.|Please refund the duplicate payment.]
0 Could you send me an invoice for order {order}? [I need it for my expenses.|With my company details on it please.|With VAT shown separately please.]
- Why is my bill {amount} this month? It's normally {amount2}. [Nothing changed on my side.|I didn't use anything extra.]
0 There's a charge of {amount} I don't recognise [from {date}|on my statement]. [What is it for?|Can you explain?]
- I cancelled my subscription [on {date}|last month] and you still took {amount}. [Refund please.|I want my money back.]
0 Your price went up from {price2} to {price} a month - [when was this announced?|can I switch to a cheaper plan?]
0 Can I pay by [PayPal|bank transfer|Klarna|invoice|Apple Pay] instead of card?
- My payment keeps failing [at checkout|when I try to renew] even though [the card is fine|there's money on the card].
0 The discount code {code} didn't apply to my order. [Can you refund the difference?|It says it's valid until {date}.]
0 Please update my billing address for future invoices to {street}.
0 How do I change the card my subscription is charged to?
0 I need a receipt for my payment of {amount} on {date}.
- I was charged a {fee} [late payment fee|admin fee|"service fee"] [that nobody told me about|without any warning]. [What is this?|Remove it please.]
0 Are prices on your site including VAT? [I'm ordering from {country}.|I need it for my business.]
0 I paid {amount} but only {amount2} shows on my account. Where's the rest?
0 My transfer to [my landlord|a friend|another bank] of {amount} has been "pending" since {date}. [When will it go through?|Is something wrong?]
- The transfer failed but the money has [already left|been taken from] my account. [Where is it?|I need it back today.]
- Why did I get charged {fee} for a cash withdrawal? [I thought withdrawals were free.|It wasn't mentioned anywhere.]
0 The exchange rate [you used|applied] for my card payment in [USD|Turkish lira|Thai baht] was [much worse than|way off] the official rate. [Can you explain?|Is there a markup?]
0 A direct debit [was taken twice|came out early] this month. [Can you reverse one?|What happened?]
0 My card payment at {shop} has been pending for {days} days. [When will it clear?|The shop says they've cancelled it.]
0 I was charged a fee for topping up with a credit card. [Is that new?|How much is it normally?]
0 I want to cancel my subscription [before the next billing date|now]. [Will I be charged again?|Is there a cancellation fee?]
+ Thanks for the quick refund last time! I noticed another small charge of {amount} from {date} though - [could you check it?|is that right?]
0 Do you offer a [student|NHS|senior] discount on the {plan} plan?
0 Is there an annual plan? Would it be cheaper than paying {price} a month?
- The refund of {amount} for the [double charge|overcharge] was promised [on {date}|{days} days ago] and it's still not in my account.
0 Can I get the invoice in my company's name? [We need it for the accounts.|Company: Hartwell Design Ltd.]
0 Where can I download my invoices? [I can only see the last 3 months.|Need them for my tax return.]
-c charged twice?? wtf
0c can u send me the invoice pls
0c why was i charged {amount}?
0c payment failed, can i try again?
-c still waiting for my refund of {amount}
+c thx for sorting the refund so fast 🙏 could you also send a receipt?
0c do you take paypal
0 My free trial was supposed to end without charging me, but I was billed {amount} on {date}. [I never used it.|Can this be refunded?]
0 I upgraded to {plan} mid-month - will I be charged the full month or pro rata?
0 The amount on the invoice ({amount}) doesn't match what I paid at checkout ({amount2}). Which one is correct?
0 Could you split the payment into instalments? {amount} in one go is a lot for me right now.
- You've charged me for the {plan} plan but I'm on Basic. [Fix it please.|This is the second time.]
0 I paid by bank transfer on {date} but the invoice still says "unpaid". Can you check?
0 Is the {amount} annual fee on my card refundable if I close the account?
''')

EN['whole']['billing'] = L(r'''
0e {{Invoice with VAT}} Hello,\n\nCould you please send me a VAT invoice for order 5520913? The one in the confirmation email doesn't show the VAT amount separately and our accountant needs it. Company name: Fenwick Joinery Ltd, VAT number GB 123 4567 89.\n\nThanks,\nRob Fenwick
-e {{Charged after cancelling}} Hi,\n\nI cancelled my Premium subscription on 28 February - I have the confirmation email. On 1 March you still took £12.99 from my account. Please refund this and confirm that no further payments will be taken.\n\nRegards,\nHannah Birch
-c why did i pay 2.50 to take out cash?? never had that before
0c how much does a transfer to a dutch account cost?
-c you took the direct debit TWICE this month. need one back asap, rent is due
0c can i get a receipt for the 49.99 payment last friday
+c the refund came through, thank you!! 😊 just wondering why it was 2 euros less than what I paid?
0 My transfer to my sister in Spain shows "pending" since Monday. It's €350 and she needs it for rent. Is there anything I can do to speed it up?
0 I was charged in dollars on a UK website. Why? And will I get the exchange fee back?
0 Hi, the 20% student discount wasn't applied at checkout even though I verified with my uni email. Order total was £64, should have been £51.20.
- I paid for next-day delivery (£6.95) and the order came 5 days later. I'd like the delivery charge refunded, please.
0 Can I change my payment date to the 28th? My salary comes in later than the 1st.
0e {{Question about invoice 2024-00812}} Good morning,\n\nInvoice 2024-00812 lists two licences, but we only have one user since January. Could you correct the invoice and credit the difference?\n\nKind regards,\nEmily Stroud
-c card payment at the hotel has been "pending" for 9 days and they say they never took it. where is my money
0 Is there a fee for paying in instalments with Klarna?
0 Do you send paper bills? I'd like one posted each month please.
- I've been charged a £25 "missed appointment fee" for an appointment YOUR engineer missed. Please remove it.
0c what's the exchange rate for a card payment in Japan? any fees?
0 I topped up £50 with my debit card and £51.25 left my bank account. What's the £1.25 for?
0 I'd like to switch from monthly to yearly billing. Will the remaining month be credited?
-c payment declined 4 times, different cards. i just want to pay you 🙄
+ Thanks for waiving the late fee last month, really appreciated. Could you also send me an updated statement for my records?
''')

EN['core']['other'] = L(r'''
0 What are your opening hours [on Sundays|over Christmas|on bank holidays|this weekend]?
0 Is your {city} store open [tomorrow|this Saturday|on Easter Monday|late on Thursdays]?
0 Where's your nearest store to {city}?
0 Do you have any [jobs|vacancies|summer jobs|part-time jobs] [in {city}|for students|going]? [I've attached my CV.|I have retail experience.|]
0 Hi, I run a [small blog|YouTube channel|local bakery|running club] and I'd love to talk about a [partnership|collaboration|sponsorship]. Who should I contact?
+ Just wanted to say [thank you|a massive thanks] to {agent} [who helped me last week|at the {city} store]. [Really made my day.|Fantastic service!]
+ [Love|Absolutely love] your products, [keep it up|you guys are amazing]!
0 Please delete all my personal data [under GDPR|as per the GDPR|and close my profile].
0 Can you send me a copy of all personal data you hold about me? [This is a subject access request.|Thanks.]
0 Can I speak to a human please?
- Can I please talk to a real person? [This bot doesn't understand anything.|I don't want the FAQ.]
0 Are your products [vegan|cruelty-free|made in Europe|recyclable]?
0 Do you have a [loyalty programme|sustainability report|newsletter]?
0 How do I unsubscribe from your [newsletter|marketing emails|texts]?
0 Is there a phone number I can call you on?
0 I have a suggestion: [it would be great if you had a dark mode|please add more vegetarian options|you should open a store in {city}].
+ Thanks for the quick help earlier!
+ [Great|Brilliant] service as always 👍
0 Where is your head office?
0 Is there parking near the {city} store?
0 Can I bring my dog into the store?
0 I'm a student writing a thesis on customer service - could I ask you a few questions?
0 Do you sponsor local [football clubs|events|schools]?
0 Do you have an English-speaking team?
0 Who do I contact about press enquiries?
+ Just wanted to let you know the new store in {city} looks amazing!
0 Do you have wheelchair access at the {city} branch?
0 What's your position on [palm oil|plastic packaging|animal testing]?
+ Had a lovely chat with your colleague in the shop today, just wanted to pass it on 😊
0 Are you hiring [drivers|warehouse staff|customer service staff]?
0 I'd like to invite you to [a trade fair|our podcast|speak at our event]. Who's the right person?
0 Which languages do you offer support in?
0s hi
0s hello
0s hello?
0s hi, is anyone there?
0s [hi|hello|hey][!| 👋|| there| :)]
0s good [morning|afternoon|evening][!||,]
0s [hi|hello][,|] quick question
0s [is anyone there|anybody there|hello anyone]?[?|]
+s [thanks|thank you|thx|cheers|ta][!|!!| :)| 🙏| so much| very much| a lot]
+s [perfect|great|brilliant|amazing|lovely|super][, thanks| thank you| thx|, cheers][!|| 😊| 🙌]
+s [all sorted|that worked|got it|it works now][, thanks|!! thank you| cheers][!|| :)]
+s thanks for your help[!| today| 🙏| :)]
0s [ok|okay|k|alright][| thanks| thx][.|]
0s [never mind|nvm][, found it|, sorted|][.|]
0s sorry wrong chat
0s no that's all
0s [👍|🙏|👋|😊|👌]
0s [yes|yep|yeah|no|nope][.||!]
''')

EN['whole']['other'] = L(r'''
0e {{Partnership enquiry}} Hi there,\n\nI'm the founder of Bramble & Oak, a small candle company based in Bath. We love your homeware range and wondered whether you'd be open to stocking a few of our products or doing a joint Christmas giveaway. Is there someone in your buying team I could speak to?\n\nBest wishes,\nSiobhan
0e {{Application - weekend sales assistant}} Dear hiring team,\n\nI'd like to apply for the weekend sales assistant role at your Cardiff store. I'm 19, studying at Cardiff Met and have worked in retail for two years. My CV is attached. I'm available Saturdays and Sundays and during holidays.\n\nKind regards,\nSam
0e {{Subject access request}} Hello,\n\nUnder Article 15 GDPR I would like a copy of all personal data you hold about me, including call recordings and chat transcripts, for the period since January 2022. My account email is the one I'm writing from.\n\nRegards,\nOliver Penrose
+e {{Thank you}} Hi,\n\nI just wanted to say a huge thank you to Becky from your customer service team. She sorted out a problem that had been going on for weeks in one phone call and was so kind about it. Please pass this on to her manager!\n\nAll the best,\nRuth
+ Not a question, just wanted to say the packaging on my last order was lovely and totally plastic-free. Nice one!
+c you guys are the best 😍
+c thanks a lot, have a nice weekend!
0c are you open on boxing day?
0c where's the closest shop to leeds city centre
0c do you have a student discount card or something? just curious, not ordering yet
0 Hi, are your stores closed on the 1st of January?
- I've unsubscribed from your emails three times and I still get them every day. Please remove me from ALL your mailing lists.
0 Hello! Is this the right place to ask about your affiliate programme?
0 Dear Sir/Madam, we offer professional SEO and link-building services that can help your website rank #1 on Google. Reply for a free audit.
0 Congratulations! You have been selected for our exclusive business directory listing. Click here to claim your spot.
+c thank you!! have a lovely day ☀️
+ Brilliant, that's all I needed. Thanks for being so quick.
0c hi there, can i ask something
0c is this the customer service?
0c hello i have a question
-c is there an actual person reading this or just a bot
0 Do you do corporate gifts? We're looking for 50 hampers for our staff in December - who should I talk to?
+c had the nicest experience in your manchester shop today, staff were so helpful ❤️
0c is this whatsapp number monitored?
0 Can you tell me who your delivery partner is in Ireland? Just wondering for a school project, haha.
0c which store has the biggest showroom?
+ Merry Christmas to the whole team! Thanks for a great year 🎄
0 I'd like to withdraw my consent for marketing calls. Please note this on my account.
0c hey are you hiring for christmas?
+s thanks, you've been really helpful!
+s cheers mate
+s ah lovely, thanks!
0s hi hi
0s hellooo
0s morning! 
0s ok will do
+s oh amazing thank u
+s all good now, thank you 😊
0s good evening. 
0s ok cool
''')

# --------------------------------------------------------------------------------------------------
# English airline tweets (channel twitter). Own slots; categories as annotated.
# --------------------------------------------------------------------------------------------------
TW_SLOTS = {
    'air': ['@SkyLoopAir', '@NorthJetUK', '@AeroLaneHelp', '@BluefinAir', '@WingwayAir', '@skyloop', '@northjet',
            '@aerolane', '@bluefinair'],
    'dest': ['Amsterdam', 'Dublin', 'Malaga', 'JFK', 'Heathrow', 'Gatwick', 'Barcelona', 'Lisbon', 'Faro', 'Alicante',
             'Edinburgh', 'Nice', 'Palma', 'Rome', 'Berlin', 'Tenerife', 'Copenhagen', 'Boston', 'Dubai', 'Split'],
    'hrs': ['2', '3', '4', '5', '6', '2.5', '3+', '7', 'two', 'three', 'five'],
    'gate': ['B12', 'A4', 'gate 22', 'D7', 'C31', 'gate 9', 'E15'],
    'tag': ['#fail', '#neveragain', '#customerservice', '#delayed', '#lostluggage', '#travel', '#nothappy',
            '#rubbish', '#wtf', '#stranded', '#joke', '#disappointed'],
    'ptag': ['#happy', '#thankyou', '#travel', '#greatservice', '#bestcrew', '#holiday', '#wanderlust', ''],
    'bagref': lambda: R.choice(['AMS', 'LGW', 'DUB', 'MAN', 'BCN', 'LHR', 'EDI']) + R.choice(['SL', 'NJ', 'BF']) +
                      str(R.randint(10000, 99999)),
    'booking': lambda: ''.join(R.choice('ABCDEFGHJKLMNPQRSTUVWXYZ23456789') for _ in range(6)),
}

TWEETS = {
    'complaint': L(r'''
- {air} flight {flight} delayed {hrs} hours and no one tells us anything {tag}
- {air} sitting on the tarmac for {hrs} hours, no water, no info. this is how you treat customers?
- {air} {hrs} hour delay and the staff at {gate} just walked off. amazing. {tag}
- {air} cancelled my flight to {dest} the night before with a one-line email. absolutely disgraceful {tag}
- {air} the gate agent at {dest} was so rude to an elderly couple in front of me. shameful
- {air} worst airline i've ever flown. late, dirty, rude crew {tag}
- {air} lost my bag AGAIN. second time this year. nobody at the desk cares {tag}
- {air} 90 mins on hold and then the line just goes dead. do you have a customer service team at all?
- {air} another delay, another useless £5 voucher. {tag}
- {air} thanks for ruining the first day of our honeymoon {tag}
- {air} you overbooked and bumped my 8 year old off the flight. i have no words
- {air} great job losing my wheelchair. again. {tag}
- {air} promised a hotel after the cancellation. there is no hotel. 200 people sleeping on the floor at {dest} {tag}
- {air} been stuck at {dest} for {hrs} hours, app says on time, board says delayed, staff say nothing {tag}
- {air} why do you keep changing my flight times without asking?? 3rd schedule change this month
- {air} never again. {hrs}hrs delayed, missed my connection, zero help {tag}
- {air} love how the "on time" flight is now {hrs} hours late. brilliant service 🙄
- {air} your crew on {flight} were laughing at passengers complaining. classy.
- {air} broken seat, no entertainment, cold food, {hrs}h delay. what exactly did i pay for {tag}
- {air} DM'd you 4 days ago about my lost bag. nothing. {tag}
- {air} if you're going to cancel flights at least answer the phone {tag}
- {air} queue at the {dest} desk is 300 people long and 1 staff member. shambles {tag}
- {air} your "customer care" just told me my problem isn't their problem. wow
- {air} flight {flight} cancelled, rebooked for 3 days later, no apology. that's it, done with you {tag}
- {air} i've flown with you for 10 years and this is the worst treatment yet {tag}
- {air} thanks for nothing. stranded in {dest} with two kids and no info {tag}
- {air} been waiting at baggage claim in {dest} for an hour and a half. no bags, no staff, no updates {tag}
- {air} your staff at check-in made my daughter cry over a 1kg overweight bag. hope you're proud
- {air} the delay i can live with. the lying about it i can't {tag}
- {air} 4th time chasing my complaint. {tag}
0 {air} i'd like to make a formal complaint about the treatment we received on flight {flight}. who do i contact?
- {air} not a single update in {hrs} hours. we're all just standing at {gate} guessing {tag}
- {air} seriously considering never booking with you again after today
- {air} "we value your feedback" - clearly not, since nobody has replied in 3 weeks
- {air} crew on {flight} ignored the call button for the entire flight. my dad was unwell. not ok
- {air} you cancelled, you lost my bag, you hung up on me. what's next
- {air} delayed {hrs} hours. no food vouchers, no info, no apology. {tag}
-c {air} worst. airline. ever.
-c {air} absolute joke of an airline {tag}
- {air} flight attendant rolled her eyes when i asked for water for my toddler. really?
    '''),
    'order': L(r'''
0 {air} my flight {flight} got cancelled, how do i rebook? the app only offers next week
0 {air} can i change my flight to {dest} to a day earlier? booking ref {booking}
0 {air} how do i add a checked bag to my booking {booking}?
0 {air} what's the hand luggage allowance on the basic fare? can i bring a backpack and a trolley?
0 {air} can i choose my seat after booking or only at check-in?
- {air} bag didn't arrive in {dest}. file ref {bagref}. any update on where it is??
0 {air} hi, my bag has been located according to the tracker, when will it be delivered to my hotel? ref {bagref}
0 {air} is it possible to upgrade to business on {flight} tomorrow?
0 {air} can i bring a guitar as cabin baggage?
- {air} my flight was cancelled 2 days ago and i STILL haven't been offered a new flight. need to get to {dest} asap
0 {air} need to change the name on my booking, small typo. how do i do that?
0 {air} can i travel with my cat in the cabin to {dest}?
0 {air} my connection got moved, am i still on the {dest} flight? ref {booking}
0 {air} where can i pick up my delayed bag at {dest} airport?
+ {air} thanks for rebooking me so quickly! quick q - will my seat selection carry over to the new flight?
0 {air} is there a way to join the standby list for the earlier {dest} flight?
- {air} 5 days and still no sign of my suitcase. ref {bagref}. all my work clothes are in there
0 {air} how much is an extra bag on {flight}?
0 {air} can i add travel insurance to an existing booking?
0 {air} is my infant seat included or do i need to book it separately?
0 {air} my son is flying alone, 14 - do i need to book the unaccompanied minor service?
0 {air} can i switch to the {hrs}pm flight instead? same day, same route
- {air} your rebooking gave me a flight via 2 cities that takes 19 hours. can i get a direct one please
+ {air} bag just arrived at my door, thank you! 🙏 is the second one on its way too?
0 {air} does the sports equipment fee include skis AND boots in one bag?
0 {air} how early can i drop my bags at {dest}?
0 {air} can i bring my own food on board?
0 {air} my flight home is cancelled, whats the next available to {dest}?
-c {air} where is my bag {bagref}
    '''),
    'technical': L(r'''
- {air} your app won't let me check in, just says "error" {tag}
- {air} website crashed at payment 3 times, can't book anything
0 {air} online check-in says "passport details invalid" but they're correct. help?
- {air} boarding pass won't load in the app and the queue at the desk is massive
0 {air} can't log in to my frequent flyer account, password reset email never arrives
- {air} the app logged me out and now my booking has disappeared from it?!
0 {air} app keeps crashing when i try to add my boarding pass to apple wallet
- {air} can't select seats, the seat map is just blank. tried 3 browsers {tag}
0 {air} is the website down? getting error 503 on manage booking
- {air} your check-in kiosk at {dest} is broken and nobody is around
0 {air} the wifi on {flight} isn't working, paid for it too
0 {air} miles from my last flight aren't showing in my account, is there a sync issue?
-c {air} app down again??
- {air} 2FA code for my account never arrives. locked out before my flight tomorrow
0 {air} online check-in button is greyed out for my flight tomorrow. why?
0 {air} the in-flight entertainment on {flight} was broken for the whole row, fyi
+ {air} love the new app! only problem is the boarding pass qr code is cut off on my phone
    '''),
    'billing': L(r'''
- {air} still waiting on my refund for the cancelled flight to {dest}. 8 weeks now {tag}
- {air} charged me twice for seat selection on {flight}. want my money back
- {air} £65 at the gate for a bag that fit in your sizer. absolute robbery {tag}
0 {air} how long do refunds take for cancelled flights? applied on the 3rd
0 {air} my travel voucher won't apply at checkout, is it still valid?
- {air} you cancelled the flight and now want a £40 fee to "rebook"? are you serious
0 {air} can i get an invoice for my flight with my company's vat number?
0 {air} submitted an EU261 compensation claim 6 weeks ago, any update?
- {air} refunded in vouchers when i explicitly asked for cash. please refund to my card
0 {air} why was i charged a currency conversion fee when i paid in GBP?
- {air} paid for priority boarding, didn't get it. want that refunded
0 {air} does the refund go back to the original card? that card is expired now
- {air} 3 months and no refund. i'll be doing a chargeback {tag}
0 {air} i was charged for a bag i never checked, booking {booking}
+ {air} refund arrived today, thanks for sorting it! could you also send the receipt for the seat upgrade?
0 {air} the price jumped £80 between the search page and payment, is that right?
-c {air} where is my refund
    '''),
    'other': L(r'''
+ {air} thanks for the upgrade, crew was amazing {ptag}
+ {air} shoutout to the crew on {flight} to {dest}, so kind to my nervous kids {ptag}
+ {air} smoothest landing i've ever had, well done captain! {ptag}
+ {air} on time, friendly staff, free snacks. who are you and what have you done with the old airline 😂
+ {air} great flight to {dest} today, thank you {ptag}
0 {air} do you fly to {dest} in the winter?
0 {air} is the lounge at {dest} open for early morning flights?
0 {air} are you hiring cabin crew this year?
0 {air} do you have direct flights to {dest} from manchester?
+ {air} big thanks to the ground staff at {dest} who found my kid's teddy ❤️
0 {air} is there a phone number i can actually call?
0 {air} can i talk to a human please
+ {air} the new planes are lovely, so much legroom {ptag}
0 {air} when does the summer schedule get published?
+ {air} the pilot's announcements on {flight} were hilarious, made a 5am flight bearable 😂
0 {air} do you allow vapes in checked luggage?
0 {air} is the {dest} route coming back next year?
+ {air} well that was the best cabin service i've had in years. thank you
0 {air} how do i join your loyalty programme?
+ {air} credit where it's due: delayed but you kept us updated every 20 mins and handed out food. thank you
- {air} why is there no way to contact you except twitter?
0 {air} does the airport have a prayer room near your gates at {dest}?
+ {air} thanks for the birthday announcement, my mum was thrilled 🎉
0 {air} what's the duty free allowance coming back from {dest}?
+ {air} first time flying with you, won't be the last {ptag}
    '''),
}

TWEETS['complaint'] += L(r"""
- {air} boarding started, then stopped, now we've been standing in the jet bridge for 40 mins with no explanation {tag}
- {air} my 70 year old mum was left waiting 2 hours for the wheelchair assistance she booked. shameful
- {air} your staff told us to "go find a hotel yourselves" after cancelling at midnight. is that your policy?
- {air} every single flight with you this year has been late. every. single. one.
- {air} cabin crew shouting at passengers on {flight}. not a great look
- {air} "your call is important to us" - clearly it isn't, 2 hours on hold {tag}
- {air} separated a family with a 3 year old across the whole plane and refused to help. disgraceful
- {air} pilot said 20 mins. that was {hrs} hours ago {tag}
- {air} paid for extra legroom, got a broken seat that won't stay upright and an attendant who shrugged
- {air} can someone explain why the flight before and after ours went but ours was "cancelled due to weather"? {tag}
- {air} found out my flight was cancelled from the departure board, not from you. great communication
- {air} three weeks since i reported my damaged suitcase and not a single reply {tag}
- {air} ground staff at {dest} literally walked away while i was talking to them
- {air} 6am flight, 11am now, still at {gate}. no breakfast, no vouchers, no idea {tag}
- {air} you have the worst customer service of any airline i have ever used and i fly a lot
- {air} the "customer relations" form just errors out and nobody answers email. how do i complain?!
- {air} so we're just expected to sleep at the airport then? thanks {tag}
- {air} stop telling me to DM you. i have DM'd you. 5 times.
- {air} rebooked onto a flight that's also cancelled. you couldn't make this up {tag}
- {air} my kids have been crying for 2 hours and your staff couldn't even find them a bottle of water
""")
TWEETS['order'] += L(r"""
0 {air} can i change my return date without paying the full fare difference? ref {booking}
0 {air} traveling with a pram - can i check it at the gate in {dest}?
0 {air} hi, is there still space on the earlier flight to {dest} today? happy to switch
- {air} flight moved by 9 hours, i need a different option. the app only shows flights that don't work
0 {air} what's the max weight for a checked bag on the light fare?
0 {air} my bag was delivered to the wrong address, can it be redirected to {dest}? ref {bagref}
+ {air} you found my bag!! thanks so much. can you deliver it to my hotel instead of my home?
0 {air} does my ticket include a meal or do i need to pre-order?
0 {air} need to add my surname to the booking, it only shows first name. how?
0 {air} how do i request assistance for my grandad at {dest} airport?
""")
TWEETS['technical'] += L(r"""
- {air} app says my booking doesn't exist but i have the confirmation email. ref {booking}
0 {air} tried to add my passport in the app and it just spins forever
- {air} the check-in page keeps timing out, flight leaves in 3 hours
0 {air} can't download my invoice from manage booking, getting a blank pdf
0 {air} the app won't accept my frequent flyer number, says "invalid format"
+ {air} app update is lovely but the boarding pass won't open offline anymore, could you look at it?
""")
TWEETS['billing'] += L(r"""
0 {air} i was charged in euros instead of pounds, can you explain the extra charge?
- {air} cancelled my flight but kept the seat fee. refund it please
0 {air} how do i claim back the hotel i paid for after the cancellation?
- {air} promised a refund in 7 days. it's day 40 {tag}
0 {air} is the admin fee for a name change refundable?
0 {air} got a partial refund, where's the rest? booking {booking}
""")
TWEETS['other'] += L(r"""
+ {air} whoever was working the {dest} desk this morning deserves a raise. so patient with everyone
+ {air} thank you for looking after my daughter on her first solo flight ❤️
0 {air} any plans to fly from bristol?
0 {air} do you have an office in {dest}?
+ {air} best landing in a storm i've ever experienced, hats off to the pilots {ptag}
0 {air} what snacks do you have on board? asking for my very hungry 6 year old
+ {air} crew sang happy birthday to my husband on {flight} 😂 he was mortified, i loved it
0 {air} are you on whatsapp too or only here?
+ {air} thanks for the quick reply earlier, all sorted
0 {air} is there a student discount or youth fare?
""")
TWEET_TARGETS = {'complaint': 95, 'order': 62, 'technical': 42, 'billing': 45, 'other': 60}


# ==================================================================================================
# DUTCH (Netherlands + Flanders)
# ==================================================================================================
def _date_nl():
    months = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
              'november', 'december']
    d = R.randint(1, 28)
    m = R.randint(1, 12)
    return R.choice(['%d %s' % (d, months[m - 1]), '%d %s' % (d, months[m - 1]), '%d-%d' % (d, m),
                     '%02d-%02d' % (d, m), '%d/%d' % (d, m),
                     R.choice(['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag']),
                     '%d %s' % (d, months[m - 1][:3])])


NL = {
    'slots': {
        'order': order_no, 'order2': order_no, 'ref': ref_no, 'inv': inv_no, 'cust': cust_no, 'code': voucher,
        'errcode': errcode,
        'amount': money('nl', 'amount'), 'amount2': money('nl', 'amount2'), 'price': money('nl', 'price'), 'price2': money('nl', 'price2'), 'fee': money('nl', 'fee'),
        'date': _date_nl, 'date2': _date_nl,
        'days': rint(3, 21), 'weeks': rint(2, 6), 'hours': rint(2, 48), 'mins': rint(20, 95), 'years': rint(2, 15),
        'n': ['3', '4', '5', 'drie', 'vier', 'vijf'], 'last4': rint(1000, 9999),
        'product': W(r'''
            de blauwe hoodie
            de airfryer
            het bureaulampje
            de regenjas
            de koffiemachine
            het dekbedovertrek
            de fietsverlichting
            de robotstofzuiger
            de winterjas
            de rugzak
            de tv
            het zitzakje
            de stofzuiger
            de waterkoker
            de spijkerbroek
            het tuinsetje
            de babyfoon
            de bureaustoel
            de elektrische tandenborstel
            het telefoonhoesje
            de bluetooth speaker
            de verzwaringsdeken
            de smartwatch
            de staande lamp
            de koekenpan
            het jurkje
            de tablet
            de kinderfiets
        '''),
        'gadget': W(r'''
            de smartwatch
            de robotstofzuiger
            de babyfoon
            de bluetooth speaker
            de tablet
            de gamingheadset
            de videodeurbel
            de e-reader
            de beveiligingscamera
            de activity tracker
            de dashcam
            de elektrische tandenborstel
            de steelstofzuiger
            het slimme slot
        '''),
        'clothing': W(r'''
            de blauwe hoodie
            de regenjas
            de winterjas
            het jurkje
            de spijkerbroek
            het linnen overhemd
            de wollen trui
            de spijkerjas
            de zwarte blazer
            het gestreepte shirt
            de rok
            de pufferjas
        '''),
        'size': ['S##size2=M', 'M##size2=S', 'M##size2=L', 'L##size2=M', 'XL##size2=L', '38##size2=40', '40##size2=38', '42##size2=44', '44##size2=42', '36##size2=38', '104##size2=110', '128##size2=122'],
        'size2': ['S', 'M', 'L', 'XL', 'XXL', '37', '39', '41', '43', '116'],
        'carrier': ['PostNL', 'PostNL', 'DHL', 'DPD', 'GLS', 'bpost', 'de bezorger', 'Budbee', 'UPS'],
        'city': ['Utrecht', 'Amsterdam', 'Rotterdam', 'Eindhoven', 'Gent', 'Antwerpen', 'Zwolle', 'Groningen',
                 'Den Haag', 'Leuven', 'Breda', 'Nijmegen', 'Haarlem', 'Hasselt', 'Arnhem', 'Tilburg', 'Brugge'],
        'country': ['België', 'Duitsland', 'Frankrijk', 'Spanje', 'Curaçao', 'Luxemburg', 'Oostenrijk', 'Engeland',
                    'Zweden', 'Portugal'],
        'street': ['Kerkstraat 12', 'Molenweg 8a', 'Prinsengracht 401-2', 'Stationsplein 3', 'Lindenlaan 27',
                   'Dorpsstraat 55', 'Kouter 14 (Gent)', 'Meir 90 bus 3', 'Hoofdstraat 118', 'Beukenhof 6'],
        'agent': ['Kevin', 'Sanne', 'Mo', 'Lisa', 'Daan', 'Yasmina', 'Thijs', 'Femke', 'Ruben', 'Naomi', 'Jeroen'],
        'name': ['Sanne', 'Joris', 'Fleur', 'Daan', 'Annelies', 'Bram', 'Wim', 'Ingrid', 'Ilse', 'Mehmet', 'Lotte',
                 'Pieter', 'Nathalie', 'Koen', 'Esther', 'Tim', 'Sofie', 'Marco', 'Yvonne', 'Jelle', 'Anouk', 'Hanneke',
                 'Kristof', 'Ellen'],
        'fullname': ['Sanne de Groot', 'Joris van Dijk', 'Fleur Bakker', 'Daan Visser', 'Annelies Peeters',
                     'Bram Jacobs', 'W. Smit', 'Ingrid Mertens', 'Mehmet Yilmaz', 'Lotte Hendriks', 'Pieter Claes',
                     'Nathalie Maes', 'Koen Willems', 'Esther Mulder', 'Yvonne de Wit', 'Hanneke Vos'],
        'device': ['een iPhone 13', 'een iPhone 15', 'een Samsung Galaxy A52', 'een Pixel 7', 'Android 14',
                   'iOS 17', 'een oude iPhone 8', 'een Samsung S22', 'een Motorola'],
        'error': ['"Er is iets misgegaan"', 'foutmelding 500', '"Ongeldige sessie"', '"Verificatie mislukt"',
                  '"Netwerkfout, probeer het later opnieuw"', 'een wit scherm',
                  '"Something went wrong"', '"Uw verzoek kan niet worden verwerkt"', 'error 403'],
        'plan': ['Premium', 'Gezin', 'Pro', 'Basis', 'Onbeperkt', 'Plus'],
        'shop': ['de Albert Heijn', 'een restaurant in Spanje', 'het tankstation', 'een hotel in Lissabon',
                 'Bol', 'de Action', 'de Delhaize', 'een webshop', 'de Jumbo'],
        'time': ['8 uur vanochtend', 'vannacht', 'een uur of zeven', 'vanmiddag', 'half 10'],
        'handle': ['@snelbezorgd', '@HuisenZo_NL', '@fietsplein', '@MobiNL_webcare', '@BankOranjeHelp',
                   '@kledingkast_be', '@StroomZo', '@WoonwinkelNL'],
    },
    'greet_email': W(r'''
        Hallo,
        Beste,
        Goedemorgen,
        Goedemiddag,
        Beste klantenservice,
        Geachte heer/mevrouw,
        Hoi,
        Dag,
        Beste medewerker,
        Hallo allemaal,
        Goeiedag,
    ''') + ['', ''],
    'sign_email': W(r'''
        Met vriendelijke groet,\n{fullname}
        Met vriendelijke groeten,\n{fullname}
        Groet,\n{name}
        Groetjes,\n{name}
        Mvg,\n{fullname}
        Alvast bedankt,\n{name}
        Gr. {name}
        Vriendelijke groeten\n{name}
        {name}
        Verstuurd vanaf mijn iPhone
        Bij voorbaat dank,\n{fullname}
        Hartelijke groet,\n{name}
    '''),
    'greet_chat': W(r'''
        hoi
        hallo
        hey
        hi
        goedemorgen
        goeiemiddag
        dag
        hallo,
        hoi hoi
        goedenavond
        heey
    '''),
    'tone': {
        'neu_close': W(r'''
            Alvast bedankt.
            Bedankt.
            Dank u wel.
            Ik hoor graag van jullie.
            Graag een reactie.
            Dank je!
            Bij voorbaat dank.
        '''),
        'neu_close_chat': ['thx', 'dankje', 'alvast bedankt', 'aub', 'dank u', 'dankjewel', 'ajb', 'tnx', 'merci'],
        'pos_open': W(r'''
            Hoop dat jullie een fijne dag hebben!
            Eerst even: [super service|top service] tot nu toe!
            Jullie zijn altijd zo behulpzaam, dus ik hoop dat jullie hier ook mee kunnen helpen :)
            Echt fan van jullie, even een vraagje.
            Jullie reageren altijd zo snel, heel fijn!
        '''),
        'pos_close': W(r'''
            Heel erg bedankt, jullie zijn top!
            Super bedankt, jullie zijn altijd zo behulpzaam 😊
            Ga zo door!
            Dankjewel, echt fijn dat jullie altijd zo snel reageren!
            Jullie zijn toppers, dank je!
            Top service altijd, merci!
        '''),
        'neg_open': W(r'''
            Tweede keer dat ik het vraag.
            Ik heb dit [vorige week|een paar dagen geleden] al gevraagd maar nog geen antwoord gehad.
            Sorry dat ik aandring, maar het wordt wel dringend.
            Ik raak er een beetje gefrustreerd door.
            Beetje gestrest hierover eerlijk gezegd.
        '''),
        'neg_close': W(r'''
            Ik word een beetje ongeduldig.
            Graag snel, het is dringend.
            Graag deze keer wel een snel antwoord.
            Moet echt [zo snel mogelijk|snel] geregeld worden.
            Balen.
            Best vervelend eerlijk gezegd.
        '''),
        'neg_open_strong': W(r'''
            Ik ben [echt|werkelijk] woest.
            Ongelooflijk.
            Dat ik dit [weer|alweer|opnieuw] moet sturen...
            Wat een [poppenkast|drama|schande].
            Ik ben het [spuugzat|helemaal zat|beu].
            Nog nooit zo teleurgesteld in een bedrijf.
        '''),
        'neg_close_strong': W(r'''
            Ik verwacht vandaag nog een reactie.
            Als dit niet wordt opgelost stap ik naar [de Geschillencommissie|de Consumentenbond|een advocaat].
            [Echt|Volstrekt] onacceptabel.
            Ik wil hiervoor een compensatie.
            Nooit meer.
            Jullie zijn een klant kwijt.
            Dit komt in een review.
            Los het gewoon op.
        '''),
    },
    'subjects': {
        'order': L(r'''
            0 Bestelling {order} ~ bestel|order
            0 Mijn bestelling ~ bestel|pakket|bezorg|retour
            0 Vraag over bestelling ~ bestel
            0 Vraag
            0 Vraagje
            0 Waar blijft mijn bestelling? ~ waar|track|bezorg|pakket|binnen
            0 Vraag over levering ~ lever|bezorg|verzend|verstuur
            0 Retour ~ retour|terugstur|teruggestuurd
            0 Re: Je bestelling is verzonden ~ track|pakket|bezorg
            0 Adreswijziging ~ adres
            0 Ruilen ~ ruil|maat
            0 Bestelling annuleren ~ annuleer
            0 Terugbetaling retour ~ terugbetal|geld terug
            0 Ontbrekend artikel ~ ontbr|deel van|zat er niet bij
            0 Nieuwe pas ~ pas\b|pinpas|bankpas
            0 Voorraad ~ voorraad|uitverkocht
            0 Ophalen ~ ophal
            0 Verkeerd artikel ~ verkeerd
            - Nog steeds niks ontvangen!! ~ nog steeds|waar
            - Waar is mijn pakket??? ~ pakket|track
            + Vraagje over mijn bestelling :)
        '''),
        'complaint': L(r'''
            0 Klacht
            0 Formele klacht
            0 Klacht - {ref}
            0 Re: Re: dossier {ref}
            0 Klantenservice
            - Schandalige service
            - Zeer teleurgesteld
            - Nog steeds geen reactie
            - DRINGEND - derde keer
            - Onacceptabel
            - Escalatie
            - Fwd: geen antwoord
        '''),
        'technical': L(r'''
            0 Probleem
            0 Technisch probleem
            0 Hulp nodig
            0 Inloggen lukt niet ~ inlog|wachtwoord|geblokkeerd|code
            0 Probleem met inloggen ~ inlog
            0 App doet het niet ~ app
            0 Foutmelding ~ fout|error
            0 Wachtwoord resetten ~ wachtwoord
            0 Verificatiecode ~ code|verificatie|sms
            0 Account geblokkeerd ~ geblokkeerd|opgeschort
            0 Defect ~ doet het niet|gaat niet|accu|laadt|lekt|geluid|heet
            0 Storing ~ storing|internet|wifi|bereik|modem|tv
            0 Vraag over installatie ~ koppel|installeer|instell|fabrieks
            0 Pas werkt niet ~ geweigerd|contactloos|pincode
            - App werkt ALWEER niet ~ app
            + Kleine bug ~ bug
        '''),
        'billing': L(r'''
            0 Vraag over betaling
            0 Betaling
            0 Factuur ~ factuur|betaalbewijs
            0 Factuur aanvragen ~ factuur
            0 Vraag over mijn rekening ~ rekening|afschrijving|kosten
            0 Dubbel afgeschreven ~ twee keer|dubbel|2x
            0 Terugbetaling ~ terug
            0 Abonnement ~ abonnement|proefperiode
            0 Onbekende afschrijving ~ herken|afschrijving
            0 Btw-factuur ~ btw
            0 Betaalbewijs ~ betaalbewijs
            0 Overboeking ~ overboeking|in behandeling
            0 Kosten? ~ kosten|pinnen|opnemen
            0 Betaalmethode ~ ideal|paypal|bancontact|klarna|betalen met
            - 2x afgeschreven!! ~ twee keer|dubbel|2x
            - Te veel betaald ~ kosten|rekening|bedrag
            - Waar blijft mijn geld ~ terug
        '''),
        'other': L(r'''
            0 Vraag
            0 Vraagje
            0 Informatie
            0 Hallo
            0 Openingstijden ~ open|openingstijden
            0 Samenwerking ~ samenwerking|collab|sponsor|podcast|beurs
            0 Sollicitatie ~ vacature|baan|cv|zoeken jullie
            0 AVG-verzoek ~ avg|gegevens
            0 Afmelden nieuwsbrief ~ afmeld|nieuwsbrief|reclame
            0 Feedback ~ tip|feedback
            + Bedankt! ~ bedank|dank
            + Compliment ~ fan|top|geweldig|prachtig
        '''),
    },
    'context': {
        'order': W(r'''
            Mijn bestelnummer is {order}. ~ bestel|pakket|bezorg|retour|voorraad|order
            Ik heb op {date} besteld. ~ ^(?!.*geleden)(?=.*(bestel|pakket|bezorg|order))
            Het is een [verjaardagscadeau|cadeautje voor mijn moeder|cadeau], dus het moet wel op tijd komen. ~ bestel|pakket|bezorg|lever|verzend|verstuur
            Ik bestel al jaren bij jullie en dit is nog nooit gebeurd. ~ verkeerd|ontbr|nog steeds|niet|geen|waar blijft|beschadigd|deel van
            Vanaf {date2} ben ik op vakantie, dus graag snel duidelijkheid.
            Betaald via iDEAL. ~ bestel|terug|retour
        '''),
        'technical': W(r'''
            Tot {date} werkte alles prima. ~ niet|geen|fout|crash|vast|storing|geweigerd|mislukt|geblokkeerd|wit scherm|leeg|uitgelogd|valt|eruit|kapot|error|herhalen|zoemend|heet|accu
            Het begon [op {date}|een paar dagen geleden|gisteren]. ~ niet|geen|fout|crash|vast|storing|geweigerd|mislukt|geblokkeerd|wit scherm|leeg|uitgelogd|valt|eruit|kapot|error|herhalen|zoemend|heet|accu
            Ik heb al [alles opnieuw opgestart|hem uit en weer aan gezet]. ~ niet|geen|fout|crash|vast|storing|geweigerd|mislukt|geblokkeerd|wit scherm|leeg|uitgelogd|valt|eruit|kapot|error|herhalen|zoemend|heet|accu
            Ik heb het nodig voor mijn werk, dus alle hulp is welkom. ~ niet|geen|fout|crash|vast|storing|geweigerd|mislukt|geblokkeerd|wit scherm|leeg|uitgelogd|valt|eruit|kapot|error|herhalen|zoemend|heet|accu
            Ik kan [foto's|een filmpje|screenshots] sturen als dat helpt. ~ niet|geen|fout|crash|vast|storing|geweigerd|mislukt|geblokkeerd|wit scherm|leeg|uitgelogd|valt|eruit|kapot|error|herhalen|zoemend|heet|accu
        '''),
        'billing': W(r'''
            Mijn klantnummer is {cust}.
            De rekening staat op naam van mijn [man|vrouw|partner], voor de duidelijkheid.
        '''),
        'complaint': W(r'''
            Ik ben al {years} jaar klant.
            Ik heb al [twee keer|drie keer|{n} keer] gebeld.
            Niemand heeft iets van zich laten horen.
            Ik ben hier al uren mee bezig.
            Het is niet de eerste keer.
            Mijn dossiernummer is {ref}.
            Ik heb van alles screenshots.
        '''),
        'other': [],
    },
    'aside': W(r'''
        PS zijn jullie zondag open?
        Hebben jullie ook een winkel in {city}?
        Btw, hebben jullie ook een nieuwsbrief?
        PS: is er ook een telefoonnummer?
    '''),
}

NL['core'] = {}
NL['whole'] = {}

NL['core']['order'] = L(r'''
0 Waar blijft mijn bestelling {order}? [Er stond dat hij|Volgens de bevestiging zou hij|Jullie zeiden dat hij] [op|uiterlijk] {date} [bezorgd zou worden|binnen zou zijn][ en er is nog niks gekomen|].
- Ik heb {days} dagen geleden besteld en [de track & trace staat nog steeds op "aangemeld"|de tracking verandert niet|ik heb nog steeds geen pakketje]. Waar blijft het?
0 Kunnen jullie laten weten wanneer bestelling {order} [verzonden|verstuurd] wordt?
0 Kan ik het bezorgadres van bestelling {order} nog aanpassen? [Ik heb per ongeluk mijn oude adres ingevuld.|Ik ben die week niet thuis.|We zijn net verhuisd.] Het nieuwe adres is {street}.
0 Ik wil graag bestelling {order} annuleren[ aub| als hij nog niet verzonden is| - verkeerde kleur besteld].
0 Komt {product} [nog terug op voorraad|binnenkort weer binnen][| voor {date}]? [Staat al weken op uitverkocht.|Op de site staat "tijdelijk niet leverbaar".|]
0 Hebben jullie {clothing} ook in maat {size}? [Ik zie online alleen {size2}.|De maattabel vind ik wat onduidelijk.|]
0 Hoe kan ik {clothing} retourneren? [Past niet.|Te klein helaas.|Ziet er anders uit dan op de foto.|Toch niet nodig.] [Moet ik zelf een label printen?|Is retourneren gratis?|]
0 Ik heb {product} [{days} dagen geleden|op {date}] teruggestuurd en nog geen geld terug gehad. [Kunnen jullie checken of de retour binnen is?|Volgens de tracking hebben jullie hem ontvangen.]
- Ik heb {product} [al {weeks} weken geleden|op {date}] geretourneerd en NOG STEEDS geen terugbetaling. [Jullie magazijn heeft hem op {date2} ontvangen.|De retour is per mail bevestigd.] Wanneer krijg ik mijn {amount} terug?
0 Kan ik {clothing} ruilen voor een maat {size}? [Zelfde artikel, alleen groter.|Liever niet twee keer verzendkosten.]
0 Volgens de track & trace is {order} bezorgd, maar [er is hier niks|ik heb niks ontvangen|er ligt niks voor de deur en de buren hebben ook niks]. [Kunnen jullie navragen bij {carrier}?|Wat nu?]
- {carrier} zegt dat ze [geprobeerd hebben te bezorgen|een kaartje hebben achtergelaten] maar ik was de hele dag thuis en er is niemand aan de deur geweest. Hoe krijg ik mijn pakketje nu?
0 Wat zijn de verzendkosten naar {country}? [En hoe lang duurt het?|Vanaf welk bedrag is het gratis?]
0 Versturen jullie ook naar {country}?
0 Kan ik mijn bestelling ophalen in jullie winkel in {city} in plaats van laten bezorgen?
0 Ik kreeg een mail dat {order} klaarligt om op te halen - tot wanneer kan ik hem ophalen?
+ Mijn bestelling is er al, [supersnel|wat snel]! Kan ik [er nog eentje bij bestellen|nog iets bijbestellen] en die samen laten versturen?
0 Ik heb maar een deel van bestelling {order} ontvangen. [{product} zat er niet bij.|Er ontbrak één artikel in de doos.] Komt dat nog apart?
- Verkeerd artikel ontvangen. Ik had {clothing} besteld en kreeg [iets heel anders|de verkeerde kleur|maat {size2} in plaats van {size}]. [Graag het juiste sturen.|Hoe ruil ik dit?]
0 Kunnen jullie bestelling {order} en {order2} samen versturen?
0 Is het mogelijk om op zaterdag te laten bezorgen?
0 Ik heb {product} nodig voor {date} - als ik vandaag bestel met spoedlevering, is het er dan op tijd?
+ Hoi! Ik wil {product} bestellen als cadeautje - kunnen jullie het [inpakken|zonder pakbon met prijs versturen]? Alvast heel erg bedankt!
0 Mijn [nieuwe bankpas|vervangende pas|nieuwe creditcard|nieuwe pinpas] is [nog niet binnen|nog steeds niet aangekomen] - {days} dagen geleden aangevraagd. Kunnen jullie kijken waar hij blijft?
0 Hoe vraag ik een nieuwe pas aan? Mijn huidige is [beschadigd|gebroken|helemaal versleten].
0 Ik ben mijn pas [gisteren|op vakantie] kwijtgeraakt - [heb hem al geblokkeerd in de app|hij staat al op geblokkeerd]. Hoe snel is een vervangende pas er?
0 Kan mijn nieuwe pas naar {street} gestuurd worden? Ik [woon daar tijdelijk|ben net verhuisd].
- {days} dagen geleden een nieuwe simkaart besteld en hij is er nog steeds niet. [Hoe moet ik nu mijn nummer overzetten?|Begint irritant te worden.]
0 Wanneer wordt mijn [nieuwe telefoon|modem|tv-ontvanger|nieuwe router] geleverd? Bestelnummer {order}.
0 Kan ik aan bestelling {order} nog iets [toevoegen|veranderen]?
- Op de site stond "op voorraad, morgen in huis" en nu, {days} dagen later, staat hij op "nabestelling". Wanneer wordt {product} nou echt verzonden?
0 Tot wanneer kan ik retourneren? Ik heb {clothing} op {date} gekocht maar [nog niet uitgepakt|maar één keer gepast].
0 Waar kan ik mijn retourpakket afgeven? [Kan dat bij elk {carrier}-punt?|Moet het in de originele doos?]
+ {clothing} is echt mooi, maar [net te klein|de kleur past niet in mijn kamer]. Kan ik hem ruilen voor [een maatje groter|een andere kleur]? Dankjewel!
0 Hoe staat het met de terugbetaling van mijn geretourneerde {product}? Retournummer {ref}.
- Hallo?? Wacht nog steeds op bestelling {order}.
0c bestelling {order} - al nieuws?
0c is mijn pakketje al verstuurd?
0c wanneer is {product} weer op voorraad?
0c kan ik mijn bestelling nog wijzigen?
-c track en trace doet al {days} dagen niks...
+c pakketje is binnen, thx!! nog ff een vraagje: kan ik de trui die ik niet nodig heb retour sturen?
0c zit het retourlabel in de doos of moet ik het printen
0c bezorgen jullie ook op zondag
0c hoe lang duurt levering naar {country}?
-c waar blijven m'n spullen, besteld op {date}
0 Mijn pakket staat volgens {carrier} stil in het sorteercentrum ("[vertraagd|in behandeling bij douane|uitzondering]"). Moet ik iets doen?
0 Kan ik de bezorgdag veranderen? Ik ben {date} niet thuis.
0 De doos was [beschadigd|helemaal ingedeukt|kletsnat] maar {product} [lijkt oké|heb ik nog niet uitgepakt]. Moet ik hem [houden|terugsturen]?
+ Dank voor de snelle levering! Weten jullie of {clothing} ook in het [groen|zwart|maat {size}] komt?
0 Per ongeluk de verkeerde maat besteld. Kunnen jullie het nog aanpassen naar {size} voordat hij verzonden wordt? Bestelling {order}.
0 Wat kost bezorging van een [bank|kast|groot pakket] en zetten jullie het ook boven neer?
0 Mijn bestelling staat al {days} dagen op "in behandeling". Is er iets mis mee?
0c hey, mijn order {order} is nog niet geshipt? of zie ik iets over het hoofd
0 Kan ik bij een afhaalpunt laten leveren i.p.v. thuis? Ben overdag nooit thuis.
0 Hoe werkt ruilen als ik in de winkel in {city} iets online besteld heb?
''')

NL['whole']['order'] = L(r'''
0e {{Vraag over levering}} Hallo,\n\nIk heb gisteravond een bestelling geplaatst (#58120) en zie nu dat ik standaard verzending heb gekozen. Kan ik dat nog omzetten naar levering morgen? Ik betaal het verschil graag bij.\n\nGroetjes,\nFleur
-e {{Bestelling 771042 - waar blijft deze?}} Beste,\n\nOp de 2e van deze maand heb ik een eettafel met vier stoelen besteld. Op de site stond levertijd 5-7 werkdagen. Inmiddels zijn we bijna drie weken verder en ik heb geen verzendbevestiging, geen track & trace, niks. Kan iemand mij gewoon een leverdatum geven? Ik moet regelen dat er iemand thuis is.\n\nMet vriendelijke groet,\nPieter Claes
0e {{Retour}} Hoi, ik wil graag twee van de drie overhemden uit bestelling 20394857 retourneren (de witte, maat L). De blauwe houd ik. Kunnen jullie een retourlabel sturen? Dank je, Koen
+e {{Ruilen :)}} Hallo!\n\nDe sneakers zijn vandaag binnengekomen en ze zijn echt prachtig, maar ze vallen wat klein. Zou ik ze kunnen ruilen voor een 39 in plaats van een 38? Doos en alles heb ik nog.\n\nSuper bedankt,\nLotte
0e {{Pas niet ontvangen}} Goedemorgen,\n\nIk heb op 4 maart een nieuwe betaalpas aangevraagd omdat mijn oude verlopen was. In de app staat dat hij op de 6e is verstuurd maar hij is nog altijd niet aangekomen. Moet ik nog even wachten of kunnen jullie hem blokkeren en een nieuwe sturen? Mijn adres is niet veranderd.\n\nMet vriendelijke groeten,\nAnnelies Peeters
0 hoi, ik heb een taarttopper besteld (order 8812093) voor zaterdag. komt die zeker vrijdag binnen? anders moet ik hier iets anders regelen
-c t is nu 2 weken. TWEE weken. waar is mijn pakket
0c is mijn retour al aangekomen? maandag via postnl verstuurd
0c kan ik het morgen in de winkel ophalen ipv laten bezorgen?
0c is de maat L nog ergens op voorraad?
+c omg hij is er al 😍 vraagje: zit er een lampje bij de lamp of moet ik die apart bestellen?
0 Kunnen jullie mijn pakket laten vasthouden bij het afhaalpunt? Ik ben tot de 20e weg en wil niet dat het buiten blijft staan.
0 Vraagje: geldt de 1+1 actie op sokken ook als ik in de winkel ophaal? Ik wil vandaag bestellen en zaterdag ophalen.
-c jullie trackinglink geeft alleen een "error" en het pakket is al een week te laat. waar is het?
0 Goedemiddag, graag zou ik voor onze zakelijke rekening (eindigend op 4471) nieuwe passen bestellen voor twee medewerkers. Kunnen die naar het vestigingsadres?
0 Hoi, mijn bestelling staat op "bezorgd op veilige plek" maar ik heb geen idee waar dat is. Geen foto. Kunnen jullie bij de bezorger navragen waar hij ligt?
- Ik heb bestelling 4419203 binnen een uur geannuleerd en kreeg daar een bevestiging van, maar nu krijg ik een verzendmail?! Graag tegenhouden voordat hij de deur uit gaat.
0c hebben jullie de eiken bijzettafel nog? site zegt nog 1
0c hoelang duurt het voor ik mijn geld terug heb na een retour?
+c thanks voor de update! duimen dat hij morgen komt 🤞 kan ik een sms krijgen als hij onderweg is?
0 Dag, kan ik een online gekocht artikel terugbrengen in een van jullie winkels of moet het per post?
0 De schoenen van mijn zoontje zijn in de verkeerde breedte gekomen (breed i.p.v. normaal). Kan ik ze gewoon terugsturen en opnieuw bestellen of kan ik ruilen?
-e {{Pakket kwijt}} Hallo,\n\nBestelling BST-2024-03371. Dinsdag stond de track & trace op "onderweg", daarna "bezorgpoging mislukt" en sindsdien niks meer. Ik werk thuis, er is echt niemand aan de deur geweest. Graag opnieuw versturen of terugbetalen. Ik wacht nu al ruim twee weken op een oplader van € 14,95.\n\nMarco
0c hoi! kan ik achteraf nog cadeauverpakking toevoegen aan bestelling #39201?
0c nieuwe pinpas nog steeds niet binnen, 10 dagen geleden aangevraagd
0c allez, is mijn pakje nu al onderweg of niet? bestelling {order}
0 Goeiedag, ik had graag geweten wanneer mijn bestelling geleverd wordt. Ik heb vorige week besteld en nog niets gekregen. Alvast bedankt!
0c ff checken: heb ik nu maat M of L besteld? ordernummer {order}
0 Hallo, mijn dochter heeft per ongeluk twee keer dezelfde jas besteld. Kunnen we er één annuleren voordat hij verzonden wordt?
-c pakje ligt al 4 dagen bij bpost in het depot, wanneer wordt het nu eens geleverd
0c kan ik een nieuwe pas aanvragen via de app? de mijne is doormidden gebroken 😅
''')

NL['core']['complaint'] = L(r'''
- Dit is al de [derde|vierde|vijfde] keer dat ik [contact opneem|mail|hierover bel] en [niemand|geen mens] [reageert|helpt me echt]. [Echt belachelijk.|Ik ben er klaar mee.|Wat is er bij jullie aan de hand?]
- Mij is [een terugbelverzoek|een terugbetaling|binnen 24 uur een reactie] beloofd [op {date}|vorige week|{days} dagen geleden] en [ik heb niks meer gehoord|er is niks gebeurd]. [Stop met beloftes die jullie niet nakomen.|Waarom zou ik jullie nog geloven?]
- [De medewerker|Jullie collega|Degene] die ik [vandaag|gisteren] [aan de telefoon|in de chat] had, {agent}, was [ontzettend onbeschoft|heel neerbuigend|totaal niet geïnteresseerd] en [hing gewoon op|zei dat het mijn eigen schuld was|lachte me zo'n beetje uit]. Ik wil dat dit [wordt uitgezocht|hogerop komt].
- Ik wil een leidinggevende spreken. [Jullie medewerkers geven alleen standaardantwoorden.|Ik heb het nu {n} keer uitgelegd.|Ik heb geen zin meer in de chat.]
- Slechtste klantenservice die ik [ooit|echt ooit] heb meegemaakt. [{days} dagen|Twee weken|Een maand] mailen en [nog steeds niks opgelost|nog altijd geen oplossing].
- Als dit niet voor {date} is opgelost [zeg ik alles op|ga ik ergens anders heen|laat ik mijn bank het terugboeken|schakel ik een advocaat in|stap ik naar de Geschillencommissie|dien ik een klacht in bij Test Aankoop].
- [Echt schandalig|Diep teleurgesteld|Zo teleurgesteld] hoe er met mij wordt omgegaan. [Ik ben al {years} jaar trouwe klant|Ik heb al duizenden euro's bij jullie uitgegeven] en dan dit?
- Elke keer als ik bij jullie bestel gaat er iets mis. [Verkeerd artikel, te laat, en nu geen terugbetaling.|Eerst te laat, toen kapot, en nu reageert niemand.] Nooit meer.
- Jullie bezorger [gooide mijn pakket over het hek|liet mijn pakket in de regen staan|was echt agressief tegen mijn moeder van 80]. Volstrekt onacceptabel.
- Ik heb [{mins} minuten|meer dan een uur] in de wacht gehangen [vandaag|drie dagen achter elkaar] en toen [werd ik afgebroken|werd ik naar de verkeerde afdeling doorverbonden|zeiden ze dat ik moest mailen]. Triest.
- Jullie hebben mijn [ticket|melding|dossier] gesloten zonder [iets op te lossen|zelfs te reageren]. [Open het opnieuw.|Is dit een grap?]
- Ik ga een [1-ster review|eerlijke review] schrijven [op Trustpilot|overal waar het kan] [en het aan iedereen vertellen|als er vandaag niemand contact opneemt].
- Jullie service is [echt achteruit gegaan|zwaar achteruitgegaan] [sinds vorig jaar|de laatste tijd]. [Te late leveringen, personeel dat niks kan schelen, niemand die reageert.|Vroeger top, nu een lachertje.]
- Jullie [chatbot|bot|automatische systeem] is waardeloos en er is geen manier om een mens te spreken. [Ik draai al een uur in rondjes.|Om gek van te worden.]
- Jullie collega zei dat [de terugbetaling|de vervanging|een monteur] binnen [3|5] dagen [geregeld zou zijn|zou komen]. Dat is nu {weeks} weken geleden. [Niemand neemt verantwoordelijkheid.|Wie is daar eigenlijk verantwoordelijk?]
- Het personeel in jullie winkel in {city} [behandelde mij als een dief|liet me 20 minuten staan|weigerde mijn retour en deed daar ook nog onbeschoft over]. Ik had veel beter verwacht.
- De monteur is [weer|voor de tweede keer] niet komen opdagen, terwijl ik [een dag vrij had genomen|de hele dag thuis ben gebleven]. [Wie betaalt mijn verloren dag?|Dit slaat echt nergens op.]
- Ik word van het kastje naar de muur gestuurd. [Facturatie zegt dat het bij verkoop hoort, verkoop zegt facturatie.|Niemand voelt zich verantwoordelijk.] Regel het nou gewoon.
- Jullie adverteren met "[morgen in huis|24/7 service|gratis en makkelijk retourneren]" maar [dat klopt gewoon niet|de praktijk is heel anders]. [Misleidend.|Pure reclame.]
- Formele klacht: [op {date}|vorige week] [werd ik gefactureerd voor een geannuleerde bestelling|kreeg ik een beschadigd product] en [sindsdien word ik genegeerd|weigert jullie team te helpen]. Ik verwacht binnen 14 dagen een schriftelijke reactie.
- Helemaal niet tevreden. [Een verjaardagscadeau besteld dat nooit is gekomen|Het product was duidelijk gebruikt], en toen ik om hulp vroeg [kreeg ik een onbeschoft antwoord|kreeg ik niks].
- {days} dagen zonder [internet|werkende telefoonlijn] en het enige wat jullie zeggen is "we zijn ermee bezig". Ik betaal voor iets wat ik niet krijg. [Ik wil compensatie.|Zeg mijn contract maar op.]
0 Ik wil een klacht indienen over de service in jullie filiaal in {city} op {date}. [De medewerker hielp me niet en ik ging zonder oplossing naar huis.|Ik heb een uur gewacht en werd weggestuurd.]
0 Graag wil ik een formele klacht indienen over [de afhandeling van mijn retour|de levering van bestelling {order}]. Kenmerk {ref}.
0 Ik wil een klacht indienen over hoe mijn dossier ({ref}) is afgehandeld. Wat is de klachtenprocedure?
-c slechtste service ooit
-c dit is de 3e keer dat ik het vraag. NIEMAND REAGEERT
-c ongelooflijk. nog steeds niks van jullie gehoord
-c kan er iemand die er verstand van heeft antwoorden aub
-c ik ben er klaar mee. ik zeg alles op
-c {days} dagen. geen reactie. geen geld terug. niks
- Ik ben echt geschokt hoe slecht dit gaat. [Drie verschillende mensen vertelden me drie verschillende dingen.|Elke medewerker zegt wat anders.]
- Jullie [zijn je belofte alweer niet nagekomen|hebben je woord weer gebroken]. Levering was gegarandeerd voor het weekend [voor de verjaardag van mijn dochter|voor de bruiloft] en het is nu maandag. [Bedankt voor het verpesten.|Goed bezig.]
- [Geweldige|Fantastische|Top] service weer hoor... [{days} dagen|twee weken] wachten en [geen enkele reactie|nog steeds geen geld terug]. 🙄
- Bedankt voor niks. [Jullie "klantenservice"|Jullie personeel] [heeft mijn melding gesloten|zegt dat ik moet afwachten] en het probleem is er nog steeds.
- Waarom moet IK achter [mijn eigen geld|een product dat ik al betaald heb|een antwoord] aan? [Schandalige|Bedroevende] klantenservice.
- Mijn klacht van {date} ({ref}) wordt genegeerd. [Graag escaleren.|Ik wil dat een leidinggevende mij belt.]
- Wow. [Besteld|Betaald] op {date}, twee keer door jullie [geannuleerd|"kwijtgeraakt"], en nu moet ik [opnieuw betalen|nog 2 weken wachten]? [Wat een bedrijf.|Ongelofelijk.]
- Ik ben al {years} jaar klant en ik overweeg serieus om weg te gaan. [Er wordt niet geluisterd.|Vroeger was jullie service goed.]
- Ik heb [drie keer|{n} keer] om een terugbelafspraak gevraagd en er heeft nooit iemand gebeld. Hebben jullie überhaupt een klantenservice?
- Jullie monteur [heeft een enorme troep achtergelaten|heeft mijn muur beschadigd|kwam 4 uur te laat zonder sorry te zeggen]. Ik ben hier helemaal niet blij mee.
- Stop met het sturen van [reclamemails|enquêtes over hoe jullie het gedaan hebben] zolang jullie [mijn probleem niet oplossen|geen antwoord kunnen geven]. Echt niet normaal.
- Krijgen jullie medewerkers eigenlijk een opleiding? [De jongen in de winkel in {city} had geen idee en was ook nog onbeschoft.|Drie foute antwoorden in één chat.]
- Ik wil geen excuses of kortingsbon meer, ik wil dat jullie gewoon [het oplossen|doen wat beloofd is|je aan je eigen voorwaarden houden].
- Eerst geld terug beloofd, dan een vervanging, dan weer geld terug. [Kies nou eens.|Wat een chaos.] Ik wil dat iemand met verantwoordelijkheid dit oppakt.
- Jullie "[premium|prioriteits]-service" is een lachertje. [Extra voor betaald|Al {years} jaar premium lid] en ik wacht nog steeds dagen op antwoord.
- Jullie hebben [mijn bestelling|mijn account|mijn rekening] [drie maanden op rij|weer] verknoeid. Ik [dien een klacht in|zet dit online] en [stap over naar een andere provider|ga ergens anders heen].
-c echt next level slechte service dit
- Sorry maar dit is gewoon not done. Drie keer gebeld, drie keer "we bellen u terug", nooit iets gehoord.
''')

NL['whole']['complaint'] = L(r'''
-e {{Formele klacht - onacceptabele behandeling}} Geachte heer/mevrouw,\n\nHierbij dien ik een formele klacht in over de manier waarop ik de afgelopen maand ben behandeld. Mijn wasmachine werd op 3 mei beschadigd geleverd. Sindsdien is mij twee keer een vervanging beloofd, zijn twee leverafspraken zonder bericht geannuleerd en heb ik meer dan vier uur aan de telefoon gezeten. Vrijdag zei uw medewerker dat ze "niets meer voor mij kon doen" en beëindigde het gesprek.\n\nIk ben al elf jaar klant. Ik verwacht binnen vijf werkdagen contact van een leidinggevende, anders leg ik de zaak voor aan de Geschillencommissie.\n\nMet vriendelijke groet,\nEsther Mulder
-e {{Re: Re: Re: nog steeds niks}} Hallo,\n\nDit is mijn vierde mail. Op geen enkele is gereageerd. Op jullie site staat dat jullie binnen 48 uur antwoorden. Het is nu 12 dagen. Ik vraag niet eens veel - alleen een antwoord van een mens.\n\nJelle
- Net een heel vervelend telefoongesprek gehad met een van jullie medewerkers. Ik legde rustig mijn probleem uit en hij zuchtte, praatte door me heen en zette me 25 minuten in de wacht, waarna de verbinding verbrak. Is dit hoe jullie je personeel trainen?
- Eerlijk, elke maand is er wat. Vorige maand een foute afschrijving, deze maand de levering, volgende maand wie weet. Ik betaal voor "premium" en krijg minder dan basis. Ik ben al aan het rondkijken bij andere aanbieders.
-c jullie zijn echt een lachertje. derde keer dat de bezorger niet komt en niet eens een sms
-c lekker bezig, voor niks een dag vrij genomen 🙃
-c lezen jullie deze berichten eigenlijk wel?
- Ik wil een klacht indienen over de bezorger die vanochtend bij mij was. Hij schreeuwde tegen mijn kinderen dat ze aan de kant moesten en gooide de doos tegen de deur. Ik heb het op mijn deurbelcamera.
- Jullie medewerker zei aan de telefoon dat ik "stond te liegen" over het niet ontvangen van mijn pakket. Zo ben ik nog nooit door een bedrijf behandeld. Ik wil excuses en ik wil dat dit hogerop komt.
0 Ik wil graag een klacht indienen. Zaterdag was ik in jullie winkel in Gent om een jas met kassabon terug te brengen en de filiaalmanager weigerde dat zonder uitleg. Ik zou graag willen dat iemand hier naar kijkt.
- Ik ben echt teleurgesteld. Ik heb jullie aan al mijn vrienden aangeraden en nu schaam ik me, want iedereen heeft problemen met de levering en niemand bij jullie lijkt zich er iets van aan te trekken.
- Drie afspraken met een monteur, drie keer niemand. Elke keer onbetaald verlof genomen. Elke keer niet gebeld. Jullie zijn me meer verschuldigd dan een excuus.
-c manager. nu. aub.
-c al 9 jaar klant en zo gaan jullie met me om?? bizar
- Echt het slechtste bedrijf waar ik ooit mee te maken heb gehad. Telefonisch onbereikbaar, chat sluit om 17u, mails komen terug. Hoe moeten klanten jullie bereiken?!
- Dus "reactie binnen 48 uur" betekent blijkbaar 3 weken. Goed om te weten. Zeg mijn account maar op, ik heb er genoeg van.
-e {{Klacht over jullie klachtenafhandeling}} Beste,\n\nVijf weken geleden heb ik klacht CS-881204 ingediend over mijn beschadigde bank. Mij werd verteld dat die binnen 10 werkdagen behandeld zou worden. Sindsdien heb ik twee automatische mails gehad dat hij "in behandeling" is en verder niks. Ondertussen zit ik op een kapotte bank waar ik € 1.149,- voor heb betaald.\n\nBeschouw dit als escalatie. Als ik vrijdag niets van een mens heb gehoord, stap ik naar de Geschillencommissie.\n\nKoen Willems
- Mooi hoe jullie in 2 seconden mijn geld kunnen afschrijven maar 6 weken nodig hebben om een simpele vraag te beantwoorden. Topservice 👏👏
- Jullie stuurden mij de bestelling van iemand anders, lieten MIJ betalen om het terug te sturen en raakten daarna mijn eigen bestelling kwijt. Hoe bestaan jullie nog?
-c ik hang nu 58 minuten in de wacht. achtenvijftig.
- Het personeel in de winkel in Leuven was heel vriendelijk, maar het hoofdkantoor is een ramp. Niemand belt ooit terug en niemand neemt verantwoordelijkheid. Al de derde keer dat ik terugbellen beloofd krijg.
- Ik ben verpleegkundige, ik draai diensten van 12 uur en ik heb nu twee vrije dagen verspild aan wachten op een levering die nooit kwam. Het minste wat jullie kunnen doen is op mijn mails reageren.
-c waarom laat niemand ooit iets van zich horen?? serieus
- Ik ben eerlijk gezegd moe. Moe van achter jullie aan zitten, moe van mezelf herhalen, moe van "we escaleren het". Los het op of laat me gaan.
- Amai, wat een service. Drie weken op een antwoord gewacht en dan krijg ik een standaardmail die niks met mijn vraag te maken heeft. Ik ben het echt beu.
-c ge moet echt eens leren om op mails te antwoorden, 't is al de derde keer
- Sorry hoor, maar dit is echt bizar slecht. Customer service op z'n slechtst. Ik zeg mijn abonnement op en ga het iedereen vertellen.
''')

NL['core']['technical'] = L(r'''
0 Inloggen [in de app|op mijn account|op de website] lukt niet. Ik krijg [{error}|"onjuist wachtwoord"] terwijl ik [zeker weet dat het wachtwoord klopt|het net heb gereset].
0 De mail om mijn wachtwoord te resetten [komt niet aan|komt nooit binnen]. [Spam al gecheckt.|Al drie keer geprobeerd.]
- Ik krijg geen [verificatiecode|sms-code|2FA-code] binnen, dus ik [kom mijn account niet in|blijf hangen op het inlogscherm]. [Graag snel hulp.|Superirritant.]
0 Mijn account is geblokkeerd na te veel inlogpogingen. Hoe krijg ik het weer vrij?
- De app [crasht steeds|loopt elke keer vast] als ik [hem open|wil betalen|naar mijn bestellingen ga]. [Ik heb {device}.|Al opnieuw geïnstalleerd.]
0 Ik krijg {error} als ik [wil afrekenen|een bestelling plaats|mijn documenten upload|mijn gegevens opsla]. [Ligt de site eruit?|Is er iets stuk bij jullie?]
- {gadget} doet het niet meer na {days} dagen. [Hij gaat niet meer aan.|Hij laadt helemaal niet meer op.|Hij blijft steeds opnieuw opstarten.] [Is dit een bekend probleem?|Wat moet ik doen?]
0 {gadget} [maakt een raar zoemend geluid|wordt erg heet|slaat steeds vanzelf af]. Is dat normaal?
0 Hoe [koppel|verbind|installeer] ik {gadget} [met mijn telefoon|aan de wifi]? De handleiding is niet heel duidelijk.
- Internet ligt eruit sinds [vanochtend|gisteravond|{time}]. [Lampjes op de modem knipperen oranje.|Helemaal geen wifi.] Is er een storing in {city}?
0 Mijn wifi valt om de [paar minuten|half uur] weg. [Modem al herstart.|Al een fabrieksreset gedaan.]
0 Ik kan mijn e-mailadres niet wijzigen in de accountinstellingen - de opslaan-knop [doet niks|geeft een foutmelding].
0 Hoe zet ik tweestapsverificatie aan?
- Mijn pas werd geweigerd [bij de supermarkt|bij het tankstation|bij het afrekenen] terwijl er [genoeg geld|ruim voldoende saldo] op mijn rekening staat. De app zegt {error}. [Superpijnlijk aan de kassa!|Wat is er aan de hand?]
0 Mijn pincode is geblokkeerd na [drie keer verkeerd intoetsen|3 foute pogingen]. Hoe deblokkeer ik hem?
0 Contactloos betalen [werkt niet|doet het niet meer] met mijn pas - [met pincode gaat het wel|ik moet hem elke keer insteken].
- De identificatie [mislukt steeds|lukt maar niet]. [Ik heb mijn paspoort al {n} keer geüpload.|De selfie-stap blijft maar herhalen.] [Ik kan mijn rekening niet openen.|Wat doe ik fout?]
0 Ik probeer op te waarderen met Apple Pay maar krijg steeds "[Opwaarderen mislukt|Transactie kon niet worden voltooid]". [Twee passen geprobeerd.|Enig idee?]
- Sinds de [update|laatste update] kan ik niet meer inloggen in de bankieren-app. [Er staat alleen "er is iets misgegaan".|Face ID werkt ook niet meer.]
0 Werkt de app ook op [{device}|oudere Android-telefoons|een iPad]?
0 De website laadt niet op [Safari|Firefox|mijn telefoon] - alleen een wit scherm.
0 Ik word elke keer uitgelogd als ik de app sluit. Kan ik dat ergens instellen?
0 [Meldingen|Pushmeldingen] werken niet meer sinds de update.
+ Nieuwe app ziet er echt top uit! Alleen: [de donkere modus blijft niet aan|zoeken vindt sinds gisteren niks meer]. Is dat een bug?
+ Hoi! {gadget} net binnen en hij is echt super, maar ik krijg hem niet [gekoppeld aan de app|geüpdatet]. Tips?
- De [wasmachine|vaatwasser|koffiemachine] die jullie [vorige week|op {date}] hebben geïnstalleerd geeft foutcode {errcode} en start niet.
0 Mijn [simkaart|eSIM] wordt niet geactiveerd. Al {hours} uur. [Geen bereik.|Er staat "simkaart niet geactiveerd".]
0 Sinds {date} geen mobiel bereik thuis. [Buren hebben hetzelfde.|Is er onderhoud?]
- Jullie website [logde me uit tijdens het afrekenen|liep vast halverwege het betalen] en nu weet ik niet of mijn bestelling gelukt is.
0 De QR-code van mijn [retourlabel|ticket] laadt niet in de app. Kunnen jullie helpen?
-c app doet het weer niet
-c inloggen lukt niet!!!
0c wachtwoord vergeten en de resetlink is verlopen
0c hoe reset ik mijn pincode?
-c ligt de site eruit?
0c krijg foutcode {errcode} in de app
-c verificatiecode komt nooit binnen
0c hoe koppel ik hem aan google home?
0 Hoe zet ik {gadget} terug naar fabrieksinstellingen?
0 De accu van {gadget} [houdt het nog maar een uur vol|is 's nachts leeg|laadt niet verder dan 40%]. [Hij is pas {weeks} weken oud.|Is hij defect?]
- Voor de [derde|tweede] keer deze week is de app [vastgelopen|me aan het uitloggen] midden in [een betaling|een overboeking]. Los dit aub op.
0 Is er een storing? [Tv doet|Internet en tv doen] het niet sinds {time}, het kastje zegt "{errcode}".
0 Mijn slimme meter stuurt sinds {date} geen standen meer door. Het display is leeg.
0 Het linker oordopje van mijn [draadloze oordopjes|koptelefoon] laadt niet meer op. Valt dat onder garantie?
0 Als ik [een foto|een bestand] wil uploaden zegt hij dat het te groot is, maar het is maar 2 MB.
0 Ik wil de app op mijn nieuwe telefoon zetten maar hij vraagt een code die naar mijn oude nummer wordt gestuurd, en dat heb ik niet meer.
0 Welke browser ondersteunen jullie? [Afrekenen werkt niet in Firefox.|Op Edge blijft de pagina laden.]
- Elke keer als ik [mijn kaartgegevens invul|op betalen klik] herlaadt de pagina en is mijn winkelmandje leeg. [Al 5 keer geprobeerd.|Echt irritant.]
+ Dank voor de nieuwe update, veel sneller! Klein dingetje wel - [de widget op mijn beginscherm is leeg|inloggen met vingerafdruk wordt niet meer aangeboden].
0c de app blijft hangen op het laadscherm, iemand een idee?
-c itsme werkt niet bij jullie login, krijg steeds een error
0 Ik krijg de pairing code niet te zien op {gadget}, hoe kan ik hem dan koppelen?
-c die update heeft alles kapot gemaakt, niks werkt meer in de app
''')

NL['whole']['technical'] = L(r'''
0e {{Inloggen lukt niet}} Hallo,\n\nSinds gisteravond kan ik niet meer inloggen op mijn account. Ik vul mijn e-mail en wachtwoord in en dan wordt er om een verificatiecode gevraagd, maar die sms komt nooit. Mijn nummer klopt in de app en ik heb gewoon bereik. Ik heb het nu een keer of zes geprobeerd.\n\nKunnen jullie dit resetten of de code op een andere manier sturen?\n\nGroetjes,\nIlse
-e {{Kapotte waterkoker}} Hoi,\n\nDe waterkoker die ik drie weken geleden heb gekocht lekt aan de onderkant. Elke keer staat het aanrecht onder water, wat eerlijk gezegd best gevaarlijk is. Doos en bon heb ik nog. Wat zijn de mogelijkheden?\n\nMvg,\nBram Jacobs
-c de app geeft alleen een wit scherm als ik hem open. iphone 12, gisteren geüpdatet
-c wifi ligt er ALWEER uit. 3e keer deze week
0c hoe verander ik mijn wachtwoord? kan het niet vinden in instellingen
0c is er iets aan de hand met de app? mijn saldo laadt niet
+c echt blij met de robotstofzuiger!! maar hij blijft steeds hangen op het vloerkleed, is daar een instelling voor? 😅
0 Mijn pas wordt online steeds geweigerd met "3D Secure mislukt" maar in de winkel werkt hij wel. Moet ik iets activeren?
0 Goedemiddag, ik ben geblokkeerd voor internetbankieren nadat ik mijn wachtwoord verkeerd had ingetikt. Er staat dat ik contact moet opnemen. Kunnen jullie het deblokkeren? Ik kan me telefonisch legitimeren.
- Ik heb nu VIER keer geprobeerd mijn identiteit te verifiëren. Paspoort, rijbewijs, selfie, alles. Elke keer "verificatie niet gelukt". Ik kan mijn rekening helemaal niet gebruiken. Wat nu?
0 Hoi, sinds vorige week werkt contactloos betalen met mijn pas niet meer. Er staat elke keer "pas insteken". Hij is niet beschadigd voor zover ik kan zien.
0 Ik probeer geld toe te voegen met mijn betaalpas en krijg "opwaarderen geweigerd, fout 05". Er staat genoeg op mijn bankrekening. Wat betekent dat?
-e {{Modem}} Beste,\n\nHet nieuwe modem dat jullie hebben gestuurd verliest elke avond tussen 19 en 22 uur de verbinding. Ik heb een andere kabel geprobeerd, een ander stopcontact en een fabrieksreset. Op de storingspagina staat dat er in mijn regio niks aan de hand is. Zo kan ik echt niet thuiswerken.\n\nMet vriendelijke groet,\nHanneke Vos
0 Mijn smartwatch synchroniseert niet meer met de app. Bluetooth staat aan, ik heb hem ontkoppeld en opnieuw gekoppeld. Android 14. Iemand een idee?
0c kan de qr-code voor de 2fa niet scannen, camera stelt niet scherp. is er ook een handmatige code?
-c jullie betaalpagina is al de hele dag stuk. "betaalmethode niet ondersteund" bij elke kaart 🙄
0 Kan ik ook inloggen zonder sms-code? Ik zit in het buitenland en mijn Nederlandse simkaart werkt hier niet.
+ Hé, eerst even: de app is top. Kleine bug wel: als ik de taal op Engels zet staat mijn saldo op 0. Terugzetten lost het op.
0 Nieuwe telefoon en nu zegt de bank-app dat mijn toestel niet geregistreerd is. Hoe registreer ik het nieuwe toestel?
- De vaatwasser geeft al vanaf dag één foutcode E24 en de "monteur" heeft hem alleen gereset. De volgende dag was het weer raak. Ik wil dat het fatsoenlijk gemaakt wordt.
0c mijn pincode is geblokkeerd bij de geldautomaat. hoe krijg ik die weer vrij??
0 Hallo, als ik mijn wachtwoord wil resetten krijg ik "deze link is niet meer geldig", ook als ik er meteen op klik.
-c tv-kastje staat al 6 uur op "bijwerken"
0 In mijn account staat "opgeschort - neem contact op". Ik heb niks geks gedaan. Kunnen jullie zeggen waarom en hoe ik er weer in kom?
0c de app zegt dat mijn sessie verlopen is, elke 2 minuten. normaal?
-c amai, de app crasht bij elke overschrijving. kan dat eens opgelost worden?
0 Dag, mijn gsm wil de nieuwe versie van de app niet installeren. "Niet compatibel met dit toestel". Welke versie van Android heb ik nodig?
0c het lukt niet om mijn nieuwe pas te activeren in de app, blijft laden
''')

NL['core']['billing'] = L(r'''
- Er is twee keer {amount} afgeschreven voor bestelling {order}. [Graag de dubbele betaling terugstorten.|Hoe kan dat?]
0 Kunnen jullie mij een factuur sturen van bestelling {order}? [Nodig voor mijn declaratie.|Graag op naam van mijn bedrijf.|Met de btw apart vermeld graag.]
- Waarom is mijn rekening deze maand {amount}? Normaal is het {amount2}. [Ik heb niks veranderd.|Ik heb niet meer verbruikt dan anders.]
0 Ik zie een afschrijving van {amount} die ik niet herken [van {date}|op mijn afschrift]. [Waar is die voor?|Kunnen jullie dat uitleggen?]
- Ik heb mijn abonnement [op {date}|vorige maand] opgezegd en jullie hebben toch {amount} afgeschreven. [Graag terugstorten.|Ik wil mijn geld terug.]
0 Jullie prijs is omhooggegaan van {price2} naar {price} per maand - [wanneer is dat aangekondigd?|kan ik naar een goedkoper abonnement?]
0 Kan ik ook betalen met [iDEAL|PayPal|Bancontact|een overschrijving|achteraf betalen] in plaats van creditcard?
- Mijn betaling mislukt steeds [bij het afrekenen|bij het verlengen] terwijl [de pas gewoon werkt|er genoeg saldo is].
0 De kortingscode {code} werd niet toegepast op mijn bestelling. [Kunnen jullie het verschil terugstorten?|Er staat dat hij geldig is tot {date}.]
0 Graag mijn factuuradres aanpassen voor de volgende facturen naar {street}.
0 Hoe wijzig ik de rekening of pas waarmee mijn abonnement wordt betaald?
0 Ik heb een betaalbewijs nodig voor mijn betaling van {amount} op {date}.
- Er is {fee} [aanmaningskosten|administratiekosten|"servicekosten"] in rekening gebracht [waar niemand iets over heeft gezegd|zonder enige waarschuwing]. [Wat is dit?|Graag verwijderen.]
0 Zijn de prijzen op jullie site inclusief btw? [Ik bestel vanuit {country}.|Nodig voor mijn zaak.]
0 Ik heb {amount} betaald maar er staat maar {amount2} op mijn account. Waar is de rest?
0 Mijn overboeking van {amount} naar [mijn verhuurder|een vriendin|een andere bank] staat sinds {date} op "in behandeling". [Wanneer komt die aan?|Is er iets mis?]
- De overboeking is mislukt maar het geld is [wel al van mijn rekening af|al afgeschreven]. [Waar is het?|Ik heb het vandaag nodig.]
- Waarom zijn er {fee} kosten gerekend voor geld opnemen? [Ik dacht dat pinnen gratis was.|Dat staat nergens vermeld.]
0 De wisselkoers die [jullie hebben gebruikt|is toegepast] voor mijn betaling in [dollars|Turkse lira|Thaise baht] was [veel slechter dan|flink anders dan] de officiële koers. [Hoe kan dat?|Zit daar een opslag op?]
0 Een incasso is deze maand [twee keer afgeschreven|te vroeg afgeschreven]. [Kunnen jullie er één terugdraaien?|Wat is er gebeurd?]
0 Mijn betaling bij {shop} staat al {days} dagen op "in behandeling". [Wanneer wordt die verwerkt?|De winkel zegt dat ze hem hebben geannuleerd.]
0 Ik moest kosten betalen bij het opwaarderen met mijn creditcard. [Is dat nieuw?|Hoeveel is dat normaal?]
0 Ik wil mijn abonnement opzeggen [voor de volgende afschrijving|per direct]. [Wordt er nog iets afgeschreven?|Zijn er opzegkosten?]
+ Dank voor de snelle terugbetaling vorige keer! Ik zie nu nog een kleine afschrijving van {amount} van {date} - [kunnen jullie die checken?|klopt die?]
0 Hebben jullie [studentenkorting|korting voor 65+] op het {plan}-abonnement?
0 Is er een jaarabonnement? Is dat goedkoper dan {price} per maand?
- De terugbetaling van {amount} voor de [dubbele afschrijving|te veel betaalde kosten] is [op {date}|{days} dagen geleden] beloofd en staat nog steeds niet op mijn rekening.
0 Kan de factuur op naam van mijn bedrijf? [Nodig voor de boekhouding.|Bedrijfsnaam: Van Dijk Interieur.]
0 Waar kan ik mijn facturen downloaden? [Ik zie alleen de laatste 3 maanden.|Nodig voor de belastingaangifte.]
-c 2x afgeschreven?? wtf
0c kunnen jullie de factuur sturen aub
0c waarom is er {amount} afgeschreven?
0c betaling mislukt, kan ik het opnieuw proberen?
-c wacht nog steeds op mijn {amount} terug
+c thx voor het snelle terugstorten 🙏 kunnen jullie ook een betaalbewijs sturen?
0c kan ik met tikkie betalen haha
0 Mijn gratis proefperiode zou stoppen zonder kosten, maar op {date} is er {amount} afgeschreven. [Ik heb het niet eens gebruikt.|Kan dat teruggestort worden?]
0 Ik ben halverwege de maand naar {plan} gegaan - betaal ik dan de hele maand of naar rato?
0 Het bedrag op de factuur ({amount}) klopt niet met wat ik bij het afrekenen heb betaald ({amount2}). Welke is juist?
0 Kan ik in termijnen betalen? {amount} in één keer is nu even veel voor mij.
- Jullie rekenen het {plan}-abonnement, maar ik heb Basis. [Graag corrigeren.|Al de tweede keer.]
0 Ik heb op {date} via een overboeking betaald maar de factuur staat nog op "openstaand". Kunnen jullie dat checken?
0 Krijg ik de jaarlijkse {amount} voor mijn creditcard terug als ik de rekening opzeg?
0c hoe kan het dat ik een aanmaning krijg? heb gewoon betaald via ideal
-c wat is dit voor bedrag op mijn factuur, zo'n "service fee" van {amount}??
''')

NL['whole']['billing'] = L(r'''
0e {{Factuur met btw}} Hallo,\n\nZouden jullie mij een factuur met btw kunnen sturen voor bestelling 5520913? Op de factuur in de bevestigingsmail staat de btw niet apart vermeld en die heeft mijn boekhouder nodig. Bedrijfsnaam: Smit Timmerwerken, btw-nummer NL001234567B01.\n\nAlvast bedankt,\nW. Smit
-e {{Afschrijving na opzeggen}} Beste,\n\nIk heb mijn Premium-abonnement op 28 februari opgezegd - de bevestigingsmail heb ik nog. Op 1 maart is er toch € 12,99 van mijn rekening afgeschreven. Graag terugstorten en bevestigen dat er niets meer wordt afgeschreven.\n\nMet vriendelijke groet,\nLotte Hendriks
-c waarom moest ik € 2,50 betalen voor pinnen?? nooit eerder gehad
0c wat kost een overboeking naar een Belgische rekening?
-c jullie hebben de incasso deze maand 2x afgeschreven. heb er eentje terug nodig asap, huur moet eraf
0c kan ik een betaalbewijs krijgen voor de betaling van 49,99 van vorige vrijdag
+c geld is terug, dankjewel!! 😊 vraag me alleen af waarom het 2 euro minder is dan wat ik betaald heb?
0 Mijn overboeking naar mijn zus in Spanje staat sinds maandag op "in behandeling". Het gaat om € 350 en ze heeft het nodig voor de huur. Kan ik iets doen om het te versnellen?
0 Ik heb op een Nederlandse site in dollars betaald. Hoe kan dat? En krijg ik de wisselkosten terug?
0 Hoi, de 20% studentenkorting is bij het afrekenen niet toegepast, terwijl ik geverifieerd ben met mijn studentenmail. Totaal was € 64, had € 51,20 moeten zijn.
- Ik heb betaald voor levering morgen (€ 6,95) en het pakket kwam 5 dagen later. Graag de verzendkosten terug.
0 Kan ik mijn incassodatum naar de 28e verplaatsen? Mijn salaris komt later binnen dan de 1e.
0e {{Vraag over factuur 2024-00812}} Goedemorgen,\n\nOp factuur 2024-00812 staan twee licenties, maar we hebben sinds januari nog maar één gebruiker. Kunnen jullie de factuur aanpassen en het verschil crediteren?\n\nMet vriendelijke groeten,\nNathalie Maes
-c betaling bij het hotel staat al 9 dagen "in behandeling" en zij zeggen dat ze niks hebben afgeschreven. waar is mijn geld
0 Zijn er kosten als ik in termijnen betaal met Klarna?
0 Sturen jullie ook papieren facturen? Ik wil er graag elke maand een per post.
- Ik krijg € 25 "kosten gemiste afspraak" voor een afspraak die JULLIE monteur heeft gemist. Graag verwijderen.
0c wat is de wisselkoers als ik in Japan met mijn pas betaal? zijn er kosten?
0 Ik heb € 50 opgewaardeerd met mijn betaalpas en er is € 51,25 van mijn bankrekening gegaan. Waar is die € 1,25 voor?
0 Ik wil graag overstappen van maandelijks naar jaarlijks betalen. Wordt de resterende maand verrekend?
-c betaling 4 keer geweigerd, verschillende passen. ik wil jullie gewoon betalen 🙄
+ Dank voor het kwijtschelden van de aanmaningskosten vorige maand, echt fijn. Kunnen jullie mij ook een bijgewerkt overzicht sturen voor mijn administratie?
0 Dag, ik had graag een creditnota ontvangen voor het geannuleerde deel van mijn bestelling. Alvast bedankt.
0c is het normaal dat mijn overschrijving nog niet op de rekening van de ontvanger staat? gisteren gedaan
-c al 3 weken wachten op mijn refund van de dubbele betaling, wanneer komt het nou
''')

NL['core']['other'] = L(r'''
0 Wat zijn jullie openingstijden [op zondag|met kerst|op feestdagen|dit weekend]?
0 Is jullie winkel in {city} [morgen|zaterdag|op tweede paasdag|op koopavond] open?
0 Waar is jullie dichtstbijzijnde winkel bij {city}?
0 Hebben jullie [vacatures|bijbaantjes|een vakantiebaan|een parttime baan] [in {city}|voor studenten|open]? [Mijn cv zit in de bijlage.|Ik heb ervaring in de retail.|]
0 Hoi, ik heb een [klein blog|YouTube-kanaal|bakkerij|hardloopclub] en zou graag eens praten over een [samenwerking|collab|sponsoring]. Bij wie moet ik zijn?
+ Ik wilde {agent} [even bedanken|echt heel erg bedanken] [voor de hulp vorige week|in de winkel in {city}]. [Echt top geholpen.|Wat een service!]
+ [Ik ben echt fan van|Ik ben echt dol op|Echt fan van] jullie producten, [ga zo door|jullie zijn geweldig]!
0 Graag al mijn persoonsgegevens verwijderen [op grond van de AVG|volgens de AVG|en mijn profiel sluiten].
0 Kunnen jullie mij een overzicht sturen van alle persoonsgegevens die jullie van mij hebben? [Dit is een inzageverzoek onder de AVG.|Alvast bedankt.]
0 Kan ik een medewerker spreken aub?
- Kan ik alsjeblieft gewoon een echt mens spreken? [Deze bot begrijpt er niks van.|Ik wil geen FAQ.]
0 Zijn jullie producten [vegan|dierproefvrij|in Europa gemaakt|recyclebaar]?
0 Hebben jullie een [spaarprogramma|klantenkaart|duurzaamheidsverslag|nieuwsbrief]?
0 Hoe meld ik me af voor jullie [nieuwsbrief|reclamemails|sms'jes]?
0 Is er een telefoonnummer waarop ik jullie kan bellen?
0 Tip: [een donkere modus zou fijn zijn|graag meer vegetarische opties|open eens een winkel in {city}].
+ Dank voor de snelle hulp van net!
+ [Top|Prima] service zoals altijd 👍
0 Waar zit jullie hoofdkantoor?
0 Kun je parkeren bij de winkel in {city}?
0 Mag mijn hond mee de winkel in?
0 Ik ben student en schrijf mijn scriptie over klantenservice - mag ik jullie een paar vragen stellen?
0 Sponsoren jullie ook [lokale sportclubs|evenementen|scholen]?
0 Hebben jullie ook Engelstalige klantenservice?
0 Bij wie kan ik terecht met een persvraag?
+ Even laten weten dat de nieuwe winkel in {city} er prachtig uitziet!
0 Is de winkel in {city} rolstoeltoegankelijk?
0 Wat is jullie standpunt over [palmolie|plastic verpakkingen|dierproeven]?
+ Net zo'n fijn gesprek gehad met jullie collega in de winkel, wilde dat even kwijt 😊
0 Zijn jullie op zoek naar [bezorgers|magazijnmedewerkers|mensen voor de klantenservice]?
0 Ik wil jullie uitnodigen voor [een beurs|onze podcast|een spreekbeurt op ons event]. Wie is daarvoor de juiste persoon?
0 In welke talen kan ik jullie bereiken?
0s hoi
0s hallo
0s hallo?
0s hoi, is er iemand?
0s [hoi|hallo|hey|hi|dag][!| 👋|| daar| :)]
0s goede[morgen|middag|navond][!||,]
0s [hoi|hallo|dag][,|] vraagje
0s [is er iemand|iemand daar|hallo is er iemand]?[?|]
+s [dank je|dankjewel|bedankt|thx|merci|dank u wel|top bedankt][!|!!| :)| 🙏| hoor| wel]
+s [perfect|top|super|geweldig|helemaal goed|fijn][, dankjewel|, bedankt| thx|, dank je][!|| 😊| 🙌]
+s [het is gelukt|het werkt weer|opgelost|gevonden][, bedankt|!! dankjewel| thx][!|| :)]
+s bedankt voor jullie hulp[!| vandaag| 🙏| :)]
0s [ok|oké|oke|okido|prima][| dank je| thx][.|]
0s [laat maar|laat maar zitten][, al gevonden|, al opgelost|][.|]
0s sorry verkeerde chat
0s nee dat was het
0s [👍|🙏|👋|😊|👌]
0s [ja|jep|jazeker|nee|neen][.||!]
''')

NL['whole']['other'] = L(r'''
0e {{Samenwerking}} Hallo,\n\nIk ben de oprichter van Kaarsenmakerij Het Lichtpunt, een klein bedrijfje uit Deventer. We zijn fan van jullie woonassortiment en vroegen ons af of jullie open staan voor het verkopen van een paar van onze producten, of een gezamenlijke winactie rond de feestdagen. Is er iemand van inkoop met wie ik contact kan opnemen?\n\nHartelijke groet,\nYvonne
0e {{Sollicitatie weekendmedewerker}} Beste,\n\nGraag solliciteer ik naar de functie van weekendmedewerker in jullie winkel in Utrecht. Ik ben 19, studeer aan de HU en werk al twee jaar in de retail. Mijn cv zit in de bijlage. Ik kan op zaterdag en zondag en in de vakanties.\n\nMet vriendelijke groet,\nTim
0e {{Inzageverzoek AVG}} Goedendag,\n\nOp grond van artikel 15 AVG verzoek ik u om een kopie van alle persoonsgegevens die u van mij verwerkt, inclusief gespreksopnames en chatgesprekken, vanaf januari 2022. Mijn account is gekoppeld aan het e-mailadres waarmee ik deze mail stuur.\n\nMet vriendelijke groet,\nJoris van Dijk
+e {{Bedankt!}} Hoi,\n\nIk wilde Femke van jullie klantenservice ontzettend bedanken. Ze heeft in één telefoontje een probleem opgelost waar ik al weken mee rondliep en was daarbij zo vriendelijk. Willen jullie dit aan haar leidinggevende doorgeven?\n\nGroetjes,\nEllen
+ Geen vraag, wilde alleen even zeggen dat de verpakking van mijn laatste bestelling zo leuk was en helemaal zonder plastic. Top!
+c jullie zijn echt de beste 😍
+c dankjewel, fijn weekend!
0c zijn jullie open op tweede kerstdag?
0c waar is de dichtstbijzijnde winkel bij Utrecht centraal
0c hebben jullie een klantenkaart of zoiets? gewoon benieuwd, bestel nog niks
0 Hallo, zijn de winkels op 1 januari gesloten?
- Ik heb me al drie keer afgemeld voor jullie mails en ik krijg ze nog steeds elke dag. Haal me alsjeblieft van AL jullie mailinglijsten af.
0 Hoi! Kan ik hier ook terecht met vragen over jullie affiliateprogramma?
0 Geachte heer/mevrouw, wij bieden professionele SEO- en linkbuildingdiensten aan waarmee uw website op #1 in Google komt. Reageer voor een gratis analyse.
0 Gefeliciteerd! U bent geselecteerd voor een exclusieve vermelding in onze bedrijvengids. Klik hier om uw plek te claimen.
+c dank je wel!! fijne dag nog ☀️
+ Super, dat was alles wat ik wilde weten. Bedankt voor de snelle reactie.
0c hoi, mag ik iets vragen
0c is dit de klantenservice?
0c hallo ik heb een vraag
-c zit hier nou een echt mens achter of alleen een bot
0 Doen jullie ook aan relatiegeschenken? We zoeken 50 kerstpakketten voor ons personeel - bij wie moet ik zijn?
+c zo'n fijne ervaring gehad in jullie winkel in Gent vandaag, personeel was super behulpzaam ❤️
0c wordt dit whatsappnummer gelezen?
0 Welke bezorgdienst gebruiken jullie in België eigenlijk? Vraag voor een schoolproject, haha.
0c welke winkel heeft de grootste showroom?
+ Fijne feestdagen aan het hele team! Bedankt voor een mooi jaar 🎄
0 Ik trek mijn toestemming voor telefonische marketing in. Willen jullie dit in mijn account noteren?
0c hey, zoeken jullie nog mensen voor de kerstdrukte?
+s bedankt, jullie hebben me echt geholpen!
+s merci hé!
+s ah top, bedankt!
0s hoi hoi
0s hallooo
0s goeiemorgen!
0s oké doe ik
+s oh super dankjewel
+s is gelukt nu, dankjewel 😊
0s goedenavond.
0s oke top
+s top, dank u wel!
0s dag, ik heb een vraagje
+s merci voor de hulp!
0c goeiedag, zijn jullie ook op zondag bereikbaar?
0c kan ik jullie ergens bellen?
+c jullie klantenservice is echt top, dat mag ook wel eens gezegd worden
0s yo
''')


# ==================================================================================================
# GERMAN
# ==================================================================================================
def _date_de():
    months = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober',
              'November', 'Dezember']
    d = R.randint(1, 28)
    m = R.randint(1, 12)
    return R.choice(['%d. %s' % (d, months[m - 1]), '%02d.%02d.' % (d, m), '%d.%d.' % (d, m),
                     R.choice(['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'])])


DE = {
    'slots': {
        'order': order_no, 'order2': order_no, 'ref': ref_no, 'inv': inv_no, 'cust': cust_no, 'code': voucher,
        'errcode': errcode,
        'amount': money('de', 'amount'), 'amount2': money('de', 'amount2'), 'price': money('de', 'price'), 'price2': money('de', 'price2'), 'fee': money('de', 'fee'),
        'date': _date_de, 'date2': _date_de,
        'days': rint(3, 21), 'weeks': rint(2, 6), 'hours': rint(2, 48), 'mins': rint(20, 95), 'years': rint(2, 15),
        'n': ['3', '4', '5', 'drei', 'vier'], 'last4': rint(1000, 9999),
        'product': W(r'''
            die Jacke
            die Kaffeemaschine
            das Ladekabel
            die Heißluftfritteuse
            die Schreibtischlampe
            die Bettwäsche
            das Fahrradschloss
            die Winterjacke
            die Smartwatch
            das Tablet
            die Regenjacke
            die Zahnbürste
            das Kleid
            die Jeans
            die Bluetooth-Box
            das Babyfon
            die Matratze
            das Handy
            die Stehlampe
            die Pfanne
        '''),
        'gadget': W(r'''
            die Smartwatch
            das Tablet
            die Bluetooth-Box
            das Babyfon
            die Überwachungskamera
            die elektrische Zahnbürste
            die Videotürklingel
            die Dashcam
            das Headset
            die Powerbank
        '''),
        'clothing': W(r'''
            die Jacke
            die Winterjacke
            das Kleid
            die Jeans
            die Regenjacke
            die Bluse
            das Hemd
            die Strickjacke
        '''),
        'size': ['S##size2=M', 'M##size2=L', 'L##size2=M', 'XL##size2=L', '38##size2=40', '40##size2=38', '42##size2=44', '44##size2=42'],
        'size2': ['S', 'M', 'L', 'XXL', '37', '39', '41', '43'],
        'carrier': ['DHL', 'DHL', 'Hermes', 'DPD', 'GLS', 'UPS', 'die Post', 'der Paketbote'],
        'city': ['Köln', 'Berlin', 'Hamburg', 'München', 'Frankfurt', 'Düsseldorf', 'Leipzig', 'Stuttgart', 'Wien',
                 'Zürich', 'Bremen', 'Dortmund'],
        'country': ['Österreich', 'die Schweiz', 'die Niederlande', 'Frankreich', 'Italien', 'Polen', 'Dänemark'],
        'street': ['Lindenstraße 12', 'Am Markt 3', 'Bahnhofstraße 41a', 'Gartenweg 7', 'Hauptstraße 118'],
        'agent': ['Frau Yildiz', 'Kevin', 'Sandra', 'Frau Braun', 'Jana', 'Marco', 'Mehmet'],
        'name': ['Jens', 'Katrin', 'Lukas', 'Birgit', 'Stefan', 'Anja', 'Tobias', 'Melanie', 'Deniz', 'Ulrike',
                 'Florian', 'Sabine', 'Jonas', 'Petra'],
        'fullname': ['Jens Hoffmann', 'Katrin Weber', 'Lukas Schneider', 'Birgit Wagner', 'Stefan Becker',
                     'Anja Schulz', 'Tobias Richter', 'Melanie Koch', 'Deniz Aydın', 'Ulrike Neumann',
                     'Florian Wolf', 'Sabine Schäfer'],
        'device': ['einem iPhone 13', 'einem Samsung Galaxy S21', 'einem Pixel 7', 'Android 14', 'iOS 17',
                   'einem älteren iPhone'],
        'error': ['"Es ist ein Fehler aufgetreten"', 'Fehler 500', '"Sitzung abgelaufen"',
                  '"Verifizierung fehlgeschlagen"', 'eine weiße Seite',
                  '"Netzwerkfehler"', 'Fehler 403'],
        'plan': ['Premium', 'Familie', 'Pro', 'Basis', 'Plus'],
        'shop': ['im Supermarkt', 'an der Tankstelle', 'in einem Hotel in Spanien', 'bei Amazon', 'im Restaurant'],
        'time': ['heute früh', 'gestern Abend', 'ca. 7 Uhr', 'heute Mittag'],
        'handle': ['@schnellpaket_de', '@WohnHausHilfe', '@MobiDE_Service', '@KontoPlusHilfe', '@modekiste'],
    },
    'greet_email': W(r'''
        Hallo,
        Guten Tag,
        Sehr geehrte Damen und Herren,
        Liebes Team,
        Hallo zusammen,
        Guten Morgen,
        Moin,
        Servus,
        Grüß Gott,
    ''') + [''],
    'sign_email': W(r'''
        Mit freundlichen Grüßen\n{fullname}
        Viele Grüße\n{name}
        Beste Grüße,\n{name}
        LG {name}
        MfG\n{fullname}
        Danke und Gruß\n{name}
        {name}
        Von meinem iPhone gesendet
        Freundliche Grüße\n{fullname}
    '''),
    'greet_chat': W(r'''
        hallo
        hi
        hey
        moin
        servus
        guten tag
        hallo zusammen
    '''),
    'tone': {
        'neu_close': W(r'''
            Danke im Voraus.
            Vielen Dank.
            Danke!
            Ich freue mich auf Ihre Antwort.
            Bitte um kurze Rückmeldung.
            Besten Dank.
        '''),
        'neu_close_chat': ['danke', 'thx', 'danke schon mal', 'lg', 'bitte', 'dankeee', 'merci'],
        'pos_open': W(r'''
            Erstmal: [super|toller] Service bisher!
            Ihr wart bisher immer so hilfsbereit, deshalb hoffe ich, ihr könnt hier auch helfen :)
            Ich bin echt Fan von euch, kurze Frage:
            Hoffe, ihr habt einen schönen Tag!
        '''),
        'pos_close': W(r'''
            Vielen, vielen Dank, ihr seid super!
            Danke euch, echt toll 😊
            Macht weiter so!
            Tausend Dank, ihr seid klasse!
        '''),
        'neg_open': W(r'''
            Ich frage jetzt zum zweiten Mal.
            Ich habe das schon letzte Woche gefragt und keine Antwort bekommen.
            Sorry, dass ich nerve, aber es wird langsam dringend.
        '''),
        'neg_close': W(r'''
            Langsam werde ich ungeduldig.
            Es ist dringend!
            Bitte diesmal schnell antworten.
            Echt ärgerlich.
        '''),
        'neg_open_strong': W(r'''
            Ich bin [wirklich|echt] stinksauer.
            Unglaublich.
            Dass ich das [schon wieder|nochmal] schreiben muss...
            Was für ein Saftladen.
            Ich habe die Nase voll.
        '''),
        'neg_close_strong': W(r'''
            Ich erwarte heute noch eine Antwort.
            Wenn das nicht gelöst wird, gehe ich zur Verbraucherzentrale.
            [Absolut|Völlig] inakzeptabel.
            Ich will eine Entschädigung.
            Nie wieder.
            Ihr habt einen Kunden verloren.
            Das gibt eine entsprechende Bewertung.
        '''),
    },
    'subjects': {
        'order': L(r'''
            0 Bestellung {order} ~ bestell
            0 Meine Bestellung ~ bestell|paket
            0 Frage
            0 Anfrage
            0 Wo bleibt meine Bestellung? ~ wo |sendung|paket|geliefert|kommen
            0 Lieferung ~ liefer|versand|verschickt
            0 Rücksendung ~ zurück|retoure
            0 Adressänderung ~ adresse
            0 Umtausch ~ umtausch|größe
            0 Stornierung ~ storn
            0 Neue Karte ~ karte
            - Immer noch nichts angekommen!! ~ immer noch|wo
        '''),
        'complaint': L(r'''
            0 Beschwerde
            0 Offizielle Beschwerde
            0 Beschwerde - {ref}
            - Unmöglicher Service
            - Sehr enttäuscht
            - Immer noch keine Antwort
            - DRINGEND
        '''),
        'technical': L(r'''
            0 Technisches Problem
            0 Problem
            0 Login funktioniert nicht ~ anmelden|einloggen|login|passwort|code
            0 App-Problem ~ app
            0 Fehlermeldung ~ fehler
            0 Passwort zurücksetzen ~ passwort
            0 Bestätigungscode ~ code
            0 Konto gesperrt ~ gesperrt
            0 Defekt ~ funktioniert nicht|geht nicht|lädt
            0 Störung ~ internet|wlan|netz
            0 Karte funktioniert nicht ~ abgelehnt|kontaktlos|pin
        '''),
        'billing': L(r'''
            0 Zahlung
            0 Frage zur Abrechnung
            0 Rechnung ~ rechnung|beleg
            0 Doppelte Abbuchung ~ zweimal|doppelt
            0 Erstattung ~ erstatt
            0 Abo ~ abo
            0 Unbekannte Abbuchung ~ abbuchung
            0 Überweisung ~ überweisung
            0 Gebühr? ~ gebühr|abheben
            - Zweimal abgebucht!! ~ zweimal|doppelt
        '''),
        'other': L(r'''
            0 Frage
            0 Anfrage
            0 Öffnungszeiten ~ öffnungszeiten|geöffnet
            0 Kooperation ~ kooperation
            0 Bewerbung ~ stellen|jobs|bewerb
            0 DSGVO-Anfrage ~ dsgvo|daten
            + Danke! ~ dank
            + Lob ~ liebe|bedanken
        '''),
    },
    'context': {
        'order': W(r'''
            Meine Bestellnummer ist {order}. ~ bestell|paket|liefer|zurück
            Bestellt habe ich am {date}. ~ ^(?!.*vor \d)(?=.*(bestell|paket|liefer))
            Es ist ein Geschenk, deshalb ist es etwas eilig. ~ bestell|paket|liefer|versch
            Ich bestelle seit Jahren bei euch und das ist noch nie passiert. ~ falsch|fehlt|nicht|immer noch|wo 
        '''),
        'technical': W(r'''
            Bis {date} hat alles funktioniert. ~ nicht|kein|fehl|abgelehnt|gesperrt|stürzt|weg|bricht|weiße|geht
            Ich habe schon alles neu gestartet. ~ nicht|kein|fehl|abgelehnt|gesperrt|stürzt|weg|bricht|weiße|geht
            Ich brauche das für die Arbeit, also bitte schnell. ~ nicht|kein|fehl|abgelehnt|gesperrt|stürzt|weg|bricht|weiße|geht
            Fotos oder Screenshots kann ich gerne schicken. ~ nicht|kein|fehl|abgelehnt|gesperrt|stürzt|weg|bricht|weiße|geht
        '''),
        'billing': W(r'''
            Meine Kundennummer ist {cust}.
        '''),
        'complaint': W(r'''
            Ich bin seit {years} Jahren Kunde.
            Ich habe schon [zweimal|dreimal] angerufen.
            Niemand hat sich gemeldet.
            Das ist nicht das erste Mal.
        '''),
        'other': [],
    },
    'aside': W(r'''
        PS: Habt ihr sonntags geöffnet?
        Gibt es eigentlich auch eine Filiale in {city}?
    '''),
}

DE['core'] = {}
DE['whole'] = {}

DE['core']['order'] = L(r'''
0 Wo bleibt meine Bestellung {order}? [Laut Bestätigung sollte sie|Ihr hattet gesagt, sie würde] am {date} kommen.
- Ich habe vor {days} Tagen bestellt und die Sendungsverfolgung [bewegt sich nicht|steht immer noch auf "Sendung angekündigt"]. Wo ist mein Paket?
0 Können Sie mir sagen, wann die Bestellung {order} verschickt wird?
0 Kann ich die Lieferadresse für Bestellung {order} noch ändern? Die neue Adresse ist {street}.
0 Ich möchte die Bestellung {order} stornieren[, falls sie noch nicht verschickt wurde| bitte].
0 Ist {product} bald wieder [auf Lager|lieferbar]? [Steht schon seit Wochen auf ausverkauft.|]
0 Gibt es {clothing} auch in Größe {size}?
0 Wie kann ich {clothing} zurückschicken? [Passt leider nicht.|Gefällt mir doch nicht.] [Muss ich das Etikett selbst ausdrucken?|Ist die Rücksendung kostenlos?]
- Ich habe {product} [vor {weeks} Wochen|am {date}] zurückgeschickt und immer noch kein Geld zurück. Wann bekomme ich meine {amount}?
0 Kann ich {clothing} gegen Größe {size} umtauschen?
0 Laut Tracking wurde {order} zugestellt, aber hier ist nichts angekommen. [Können Sie bei {carrier} nachfragen?|Was jetzt?]
- {carrier} behauptet, ich sei nicht zu Hause gewesen, aber ich war den ganzen Tag da. Wie komme ich jetzt an mein Paket?
0 Was kostet der Versand nach {country}?
0 Kann ich die Bestellung in der Filiale in {city} abholen?
0 In meinem Paket fehlt {product}. Kommt das noch separat?
- Falscher Artikel geliefert! Bestellt war {clothing} in {size}, gekommen ist {size2}.
0 Meine neue [Girocard|Kreditkarte|Ersatzkarte] ist nach {days} Tagen immer noch nicht da. Können Sie nachsehen?
0 Wie bestelle ich eine Ersatzkarte? Meine ist [beschädigt|durchgebrochen].
0 Wann wird mein [neues Handy|Router|neuer Router] geliefert? Bestellnummer {order}.
+ Meine Bestellung war super schnell da, danke! Kann ich noch etwas nachbestellen und zusammen liefern lassen?
0c bestellung {order} - gibts was neues?
0c ist mein paket schon unterwegs?
-c sendungsverfolgung seit {days} tagen unverändert...
0c kann ich die bestellung noch ändern?
0 Wie lange dauert die Erstattung, nachdem ihr die Rücksendung erhalten habt?
''')

DE['whole']['order'] = L(r'''
0e {{Lieferung}} Hallo,\n\nich habe gestern Abend bestellt (#58120) und gesehen, dass ich Standardversand gewählt habe. Kann ich noch auf Expressversand umstellen? Den Aufpreis zahle ich gern.\n\nViele Grüße\nAnja
-e {{Bestellung 771042}} Guten Tag,\n\nich habe Anfang des Monats einen Esstisch mit vier Stühlen bestellt. Angegeben waren 5-7 Werktage. Jetzt sind fast drei Wochen vergangen und ich habe weder eine Versandbestätigung noch eine Sendungsnummer. Können Sie mir bitte einen konkreten Liefertermin nennen?\n\nMit freundlichen Grüßen\nStefan Becker
0 hi, ich hab eine Tortenfigur bestellt (Bestellung 8812093) für Samstag. Kommt die sicher bis Freitag?
-c zwei wochen. ZWEI. wo ist mein paket
+c boah, schon da 😍 kurze frage: ist bei der lampe ein leuchtmittel dabei oder muss ich das extra bestellen?
0 Guten Tag, ich habe am 4. März eine neue Bankkarte beantragt, weil meine alte abgelaufen ist. Laut App wurde sie am 6. verschickt, angekommen ist sie aber nicht. Soll ich noch warten oder können Sie die Karte sperren und eine neue schicken?
0c kann ich die retoure auch in der filiale abgeben?
- Ich habe die Bestellung 4419203 innerhalb einer Stunde storniert und eine Bestätigung bekommen, jetzt kommt eine Versandmail?! Bitte stoppen!
0 Servus, kann ich das Paket in eine Packstation umleiten lassen? Bin tagsüber nie daheim.
+ Hallo! Die Schuhe sind heute angekommen und wunderschön, aber etwas klein. Könnte ich sie in 39 statt 38 umtauschen? Karton habe ich noch. Danke euch!
0c gibt es das regal noch irgendwo auf lager?
''')

DE['core']['complaint'] = L(r'''
- Das ist jetzt das [dritte|vierte] Mal, dass ich [mich melde|schreibe], und [niemand|keiner] [antwortet|hilft mir wirklich]. [Einfach lächerlich.|Mir reicht's.]
- Mir wurde [ein Rückruf|eine Erstattung|eine Antwort innerhalb von 24 Stunden] versprochen und [es kam nichts|nichts ist passiert]. [Haltet doch einfach eure Versprechen.|Warum sollte ich euch noch glauben?]
- {agent} war am Telefon [extrem unfreundlich|total herablassend] und hat [einfach aufgelegt|gesagt, es sei meine eigene Schuld]. Ich möchte, dass das geprüft wird.
- Ich möchte einen Vorgesetzten sprechen. [Ich habe das jetzt {n} Mal erklärt.|Ich bekomme nur Textbausteine.]
- Der schlechteste Kundenservice, den ich je erlebt habe. [{days} Tage|Zwei Wochen|Ein Monat] Mails hin und her und nichts ist gelöst.
- Wenn das bis {date} nicht geklärt ist, [kündige ich alles|gehe ich zur Verbraucherzentrale|nehme ich mir einen Anwalt|lasse ich die Zahlung zurückbuchen].
- [Wirklich enttäuscht|Fassungslos], wie man hier behandelt wird. Ich bin seit {years} Jahren Kunde und dann so was.
- Jedes Mal, wenn ich bei euch bestelle, geht etwas schief. [Falscher Artikel, zu spät, und jetzt keine Erstattung.|Erst zu spät, dann kaputt, jetzt antwortet keiner.] Nie wieder.
- Ich hänge seit [{mins} Minuten|über einer Stunde] in der Warteschleife und werde dann [einfach rausgeworfen|falsch weiterverbunden]. Armselig.
- Ihr habt mein Ticket geschlossen, ohne [irgendwas zu lösen|überhaupt zu antworten]. Soll das ein Witz sein?
- Der Techniker ist [schon wieder|zum zweiten Mal] nicht gekommen, obwohl ich mir extra freigenommen habe. Wer bezahlt mir den Tag?
- Ich werde von einer Abteilung zur nächsten geschickt. Niemand fühlt sich zuständig. Kümmert euch endlich!
- Eure Mitarbeiter in der Filiale in {city} haben mich [wie einen Dieb behandelt|20 Minuten ignoriert]. Ich hatte deutlich mehr erwartet.
- [Toller|Super] Service mal wieder... [{days} Tage|zwei Wochen] warten und keine einzige Antwort. 🙄
- Euer Chatbot ist nutzlos und einen Menschen erreicht man nicht. Zum Verrücktwerden.
0 Ich möchte mich offiziell über die Bearbeitung meines Falls ({ref}) beschweren. Wie ist das Beschwerdeverfahren?
-c schlechtester service ever
-c zum 3. mal: WARUM ANTWORTET NIEMAND
-c ich kündige. reicht mir jetzt
- {days} Tage ohne [Internet|Telefon] und ihr sagt nur "wir kümmern uns". Ich zahle für eine Leistung, die ich nicht bekomme. Ich will eine Gutschrift.
''')

DE['whole']['complaint'] = L(r'''
-e {{Offizielle Beschwerde}} Sehr geehrte Damen und Herren,\n\nhiermit beschwere ich mich offiziell über den Umgang mit meinem Anliegen. Meine Waschmaschine wurde am 3. Mai beschädigt geliefert. Seitdem wurde mir zweimal ein Austausch zugesagt, zwei Liefertermine wurden ohne Nachricht abgesagt und ich habe über vier Stunden am Telefon verbracht. Am Freitag sagte mir Ihre Mitarbeiterin, sie könne "nichts mehr tun", und beendete das Gespräch.\n\nIch erwarte innerhalb von fünf Werktagen eine Rückmeldung von einer verantwortlichen Person, andernfalls wende ich mich an die Schlichtungsstelle.\n\nMit freundlichen Grüßen\nUlrike Neumann
- Gerade ein sehr unangenehmes Telefonat mit einem Ihrer Mitarbeiter gehabt. Er hat mich ständig unterbrochen, mich 25 Minuten in die Warteschleife gelegt und dann war die Leitung tot. Ist das Ihr Verständnis von Kundenservice?
-c ihr seid echt ein witz. dritter liefertermin verpasst und nicht mal eine sms
- Ihr Fahrer hat das Paket einfach über den Zaun geworfen, der Inhalt ist kaputt. So geht man nicht mit Kunden um.
- Schön, dass ihr in 2 Sekunden abbuchen könnt, aber 6 Wochen für eine einfache Antwort braucht. Top Service 👏
-c seit 58 minuten in der warteschleife. achtundfünfzig.
- Ehrlich gesagt bin ich müde. Müde, euch hinterherzulaufen, müde, alles zu wiederholen. Löst es oder lasst mich kündigen.
- Ich habe euch allen Freunden empfohlen und jetzt ist es mir peinlich, weil jeder Probleme mit der Lieferung hatte und es euch offenbar egal ist.
''')

DE['core']['technical'] = L(r'''
0 Ich kann mich nicht [in der App|in meinem Konto|auf der Website] anmelden. Es kommt [{error}|"falsches Passwort"], obwohl das Passwort stimmt.
0 Die Mail zum Zurücksetzen des Passworts kommt nicht an. [Spam habe ich geprüft.|Schon dreimal probiert.]
- Ich bekomme keinen [Bestätigungscode|SMS-Code|2FA-Code] und komme nicht in mein Konto. [Bitte schnell helfen.|Total nervig.]
0 Mein Konto wurde nach zu vielen Versuchen gesperrt. Wie entsperre ich es?
- Die App stürzt [ständig|jedes Mal] ab, wenn ich [sie öffne|bezahlen will]. [Ich nutze sie auf {device}.|Schon neu installiert.]
0 Beim [Bezahlen|Hochladen der Dokumente] kommt {error}. Ist die Seite down?
- {gadget} funktioniert nach {days} Tagen nicht mehr. [Geht nicht mehr an.|Lädt nicht mehr.] Was soll ich machen?
0 Wie verbinde ich {gadget} mit [dem WLAN|meinem Handy]? Die Anleitung ist unklar.
- Internet ist seit [heute früh|gestern Abend] weg. Gibt es eine Störung in {city}?
0 Mein WLAN bricht alle paar Minuten ab. Router habe ich schon neu gestartet.
- Meine Karte wurde [im Supermarkt|an der Kasse] abgelehnt, obwohl genug Geld auf dem Konto ist. Die App zeigt {error}.
0 Meine PIN ist nach drei Fehlversuchen gesperrt. Wie kann ich sie entsperren?
0 Kontaktlos bezahlen funktioniert mit meiner Karte nicht mehr, mit PIN geht es.
- Die Identitätsprüfung schlägt immer wieder fehl. Ich habe meinen Ausweis schon {n} Mal hochgeladen.
0 Aufladen mit Apple Pay klappt nicht, es kommt "Aufladung fehlgeschlagen". Was kann ich tun?
- Seit dem Update kann ich mich nicht mehr ins Online-Banking einloggen. Da steht nur "Es ist ein Fehler aufgetreten".
0 Die Website lädt auf [Safari|dem Handy] nicht, nur eine weiße Seite.
+ Die neue App ist echt schön! Nur: der Dark Mode bleibt nicht aktiv. Ist das ein Bug?
0c app geht nicht
-c login geht schon wieder nicht!!
0c passwort vergessen und der link ist abgelaufen
0c fehlercode {errcode} in der app, was heißt das?
0 Meine eSIM lässt sich nicht aktivieren, seit {hours} Stunden kein Netz.
''')

DE['whole']['technical'] = L(r'''
0e {{Login funktioniert nicht}} Hallo,\n\nseit gestern Abend kann ich mich nicht mehr anmelden. Nach dem Passwort wird ein Bestätigungscode verlangt, aber die SMS kommt nie an. Meine Nummer ist korrekt hinterlegt und ich habe Empfang. Ich habe es jetzt etwa sechsmal versucht.\n\nKönnen Sie das zurücksetzen oder den Code anders schicken?\n\nViele Grüße\nKatrin
-e {{Defekter Wasserkocher}} Guten Tag,\n\nder Wasserkocher, den ich vor drei Wochen gekauft habe, ist undicht. Jedes Mal steht Wasser auf der Arbeitsplatte, was ehrlich gesagt gefährlich ist. Rechnung und Karton habe ich noch. Wie geht es jetzt weiter?\n\nMfG\nTobias Richter
-c die app zeigt nur einen weißen bildschirm. iphone 12, gestern aktualisiert
0 Meine Karte wird online immer mit "3D Secure fehlgeschlagen" abgelehnt, im Laden funktioniert sie. Muss ich etwas freischalten?
+c bin super happy mit dem saugroboter!! aber er bleibt immer am teppich hängen, gibts dafür eine einstellung? 😅
0 Ich habe ein neues Handy und die Banking-App sagt, mein Gerät sei nicht registriert. Wie registriere ich das neue Gerät?
-c router verliert jeden abend die verbindung. homeoffice so unmöglich
0c pin am automaten gesperrt. wie krieg ich die wieder frei?
''')

DE['core']['billing'] = L(r'''
- Mir wurden für Bestellung {order} zweimal {amount} abgebucht. Bitte die doppelte Zahlung erstatten.
0 Können Sie mir eine Rechnung für Bestellung {order} schicken? [Mit ausgewiesener MwSt. bitte.|Auf meine Firma bitte.]
- Warum beträgt meine Rechnung diesen Monat {amount}? Normalerweise sind es {amount2}.
0 Auf meinem Kontoauszug ist eine Abbuchung über {amount}, die ich nicht zuordnen kann. Wofür ist die?
- Ich habe mein Abo [am {date}|letzten Monat] gekündigt und ihr habt trotzdem {amount} abgebucht. Bitte erstatten.
0 Kann ich auch per [PayPal|Rechnung|Überweisung|Klarna] bezahlen?
- Meine Zahlung schlägt beim Bezahlen immer fehl, obwohl die Karte gedeckt ist.
0 Der Gutscheincode {code} wurde nicht abgezogen. Können Sie mir die Differenz erstatten?
0 Ich brauche einen Beleg für meine Zahlung über {amount} vom {date}.
- Warum wurde mir eine Gebühr von {fee} berechnet? Davon stand nirgends etwas.
0 Meine Überweisung über {amount} hängt seit {days} Tagen auf "in Bearbeitung". Wann kommt sie an?
- Die Überweisung ist fehlgeschlagen, aber das Geld ist schon weg vom Konto. Wo ist es?
- Warum wurden mir {fee} fürs Geldabheben berechnet? Ich dachte, das ist kostenlos.
0 Der Wechselkurs für meine Kartenzahlung in [Dollar|Pfund] war deutlich schlechter als der offizielle. Gibt es da einen Aufschlag?
0 Eine Lastschrift wurde diesen Monat doppelt eingezogen. Können Sie eine zurückbuchen?
0 Meine Kartenzahlung {shop} ist seit {days} Tagen vorgemerkt. Wann wird das gebucht?
0 Ich möchte mein Abo vor der nächsten Abbuchung kündigen. Fallen noch Kosten an?
+ Danke für die schnelle Erstattung letztes Mal! Ich sehe aber noch eine Abbuchung über {amount} vom {date} - könnt ihr die prüfen?
0 Gibt es einen Studentenrabatt auf das {plan}-Abo?
0c könnt ihr mir die rechnung schicken bitte
-c zweimal abgebucht?? hallo?
0c warum wurden {amount} abgebucht?
0 Ich habe am {date} per Überweisung bezahlt, aber die Rechnung steht noch auf "offen".
''')

DE['whole']['billing'] = L(r'''
0e {{Rechnung mit MwSt.}} Guten Tag,\n\nkönnten Sie mir bitte eine Rechnung mit ausgewiesener Mehrwertsteuer für Bestellung 5520913 schicken? Unser Steuerberater braucht die MwSt. separat. Firma: Wolf Schreinerei GmbH, USt-IdNr. DE123456789.\n\nMit freundlichen Grüßen\nFlorian Wolf
-e {{Abbuchung nach Kündigung}} Hallo,\n\nich habe mein Premium-Abo am 28. Februar gekündigt, die Bestätigung liegt mir vor. Am 1. März wurden trotzdem 12,99 € abgebucht. Bitte erstatten Sie den Betrag und bestätigen Sie, dass nichts mehr abgebucht wird.\n\nViele Grüße\nMelanie Koch
-c warum musste ich 2,50 fürs abheben zahlen?? war noch nie so
0 Meine Überweisung an meine Schwester in Spanien hängt seit Montag. Es geht um 350 € für ihre Miete. Kann man das beschleunigen?
+c geld ist da, danke!! 😊 aber warum sind es 2 euro weniger als ich bezahlt habe?
0 Der Studentenrabatt von 20 % wurde an der Kasse nicht abgezogen, obwohl ich mich mit meiner Uni-Mail verifiziert habe.
- Ich soll 25 € "Gebühr für verpassten Termin" zahlen, dabei hat EUER Techniker den Termin verpasst. Bitte stornieren.
0c was kostet eine überweisung in die schweiz?
''')

DE['core']['other'] = L(r'''
0 Wie sind eure Öffnungszeiten [am Samstag|an Feiertagen|zwischen den Jahren]?
0 Hat die Filiale in {city} [morgen|am Ostermontag] geöffnet?
0 Wo ist die nächste Filiale bei {city}?
0 Habt ihr [Stellen frei|Minijobs|Ferienjobs] [in {city}|für Studierende]? [Lebenslauf hängt an.|]
0 Ich betreibe [einen kleinen Blog|einen YouTube-Kanal|eine Bäckerei] und würde gern über eine Kooperation sprechen. An wen kann ich mich wenden?
+ Ich wollte mich einfach mal bei {agent} bedanken, [super Beratung|hat mir toll geholfen]!
+ Ich liebe eure Produkte, macht weiter so!
0 Bitte löschen Sie alle meine personenbezogenen Daten gemäß DSGVO.
0 Ich möchte eine Auskunft nach Art. 15 DSGVO über meine gespeicherten Daten.
0 Kann ich bitte mit einem Menschen sprechen?
- Kann ich bitte endlich mit einer echten Person reden? Der Bot versteht gar nichts.
0 Sind eure Produkte [vegan|tierversuchsfrei|in Europa hergestellt]?
0 Wie melde ich mich vom Newsletter ab?
0 Gibt es eine Telefonnummer, unter der ich euch erreiche?
+ Danke für die schnelle Hilfe vorhin!
0 Darf ich meinen Hund mit in den Laden bringen?
0 Ist die Filiale in {city} barrierefrei?
0s hallo
0s hallo?
0s [hallo|hi|hey|moin|servus][!| 👋|| :)]
0s guten [morgen|tag|abend][!||,]
0s ist da jemand?
+s [danke|vielen dank|danke schön|dankeschön|merci|thx][!|!!| :)| 🙏| euch]
+s [super|perfekt|top|klasse|prima][, danke| danke|, vielen dank][!|| 😊]
+s [hat geklappt|funktioniert wieder|alles erledigt][, danke|!! danke][!|| :)]
0s [ok|okay|alles klar|passt][| danke][.|]
0s [👍|🙏|👋]
''')

DE['whole']['other'] = L(r'''
0e {{Bewerbung}} Sehr geehrte Damen und Herren,\n\nhiermit bewerbe ich mich als Aushilfe am Wochenende in Ihrer Filiale in Köln. Ich bin 19, studiere an der TH Köln und habe zwei Jahre Erfahrung im Einzelhandel. Meinen Lebenslauf finden Sie im Anhang.\n\nMit freundlichen Grüßen\nJonas
+e {{Lob}} Hallo,\n\nich möchte mich ganz herzlich bei Frau Yildiz aus Ihrem Kundenservice bedanken. Sie hat in einem Anruf ein Problem gelöst, das mich wochenlang beschäftigt hat, und war dabei unglaublich freundlich. Bitte geben Sie das an ihre Vorgesetzten weiter!\n\nViele Grüße\nPetra
+c ihr seid die besten 😍
+c danke, schönes wochenende!
0c habt ihr am 2. weihnachtsfeiertag offen?
- Ich habe mich dreimal vom Newsletter abgemeldet und bekomme ihn immer noch. Bitte löschen Sie mich aus ALLEN Verteilern.
0 Sehr geehrte Damen und Herren, wir bieten professionelle SEO-Dienstleistungen an, mit denen Ihre Website auf Platz 1 bei Google landet. Antworten Sie für eine kostenlose Analyse.
0c ist das hier der kundenservice?
0c hallo ich hab eine frage
+c war heute in eurer filiale in münchen, das personal war super nett ❤️
0 Machen Sie auch Firmengeschenke? Wir suchen 50 Präsentkörbe für unsere Mitarbeiter.
+ Frohe Weihnachten an das ganze Team! Danke für ein tolles Jahr 🎄
+s alles klar, danke euch!
0s moin moin
+s tausend dank!
0s guten tag, kurze frage
''')


# ==================================================================================================
# FRENCH (France + Belgium)
# ==================================================================================================
def _date_fr():
    months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
              'novembre', 'décembre']
    d = R.randint(1, 28)
    m = R.randint(1, 12)
    return R.choice(['le %d %s' % (d, months[m - 1]), 'le %d %s' % (d, months[m - 1]), 'le %02d/%02d' % (d, m),
                     R.choice(['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi']) + ' dernier'])


FR = {
    'slots': {
        'order': order_no, 'order2': order_no, 'ref': ref_no, 'inv': inv_no, 'cust': cust_no, 'code': voucher,
        'errcode': errcode,
        'amount': money('fr', 'amount'), 'amount2': money('fr', 'amount2'), 'price': money('fr', 'price'), 'price2': money('fr', 'price2'), 'fee': money('fr', 'fee'),
        'date': _date_fr, 'date2': _date_fr,
        'days': rint(3, 21), 'weeks': rint(2, 6), 'hours': rint(2, 48), 'mins': rint(20, 95), 'years': rint(2, 15),
        'n': ['3', '4', '5', 'trois', 'quatre'], 'last4': rint(1000, 9999),
        'e': [''],
        'product': W(r'''
            la veste##e=e
            la machine à café##e=e
            le câble de chargement##e=
            la friteuse sans huile##e=e
            la lampe de bureau##e=e
            la housse de couette##e=e
            le sac à dos##e=
            la robe##e=e
            la montre connectée##e=e
            la tablette##e=e
            le manteau d'hiver##e=
            l'aspirateur robot##e=
            la poêle##e=e
            le babyphone##e=
            la chaise de bureau##e=e
            l'enceinte bluetooth##e=e
            le jean##e=
            la bouilloire##e=e
        '''),
        'gadget': W(r'''
            la montre connectée##e=e
            la tablette##e=e
            l'enceinte bluetooth##e=e
            le babyphone##e=
            l'aspirateur robot##e=
            la caméra de surveillance##e=e
            la brosse à dents électrique##e=e
            la sonnette vidéo##e=e
            le casque gaming##e=
            la liseuse##e=e
        '''),
        'clothing': W(r'''
            la veste##e=e
            la robe##e=e
            le manteau d'hiver##e=
            le jean##e=
            la chemise en lin##e=e
            le pull en laine##e=
            l'imperméable##e=
            la jupe##e=e
        '''),
        'size': ['S##size2=M', 'M##size2=L', 'L##size2=M', 'XL##size2=L', '38##size2=40', '40##size2=38', '42##size2=44', '44##size2=42'],
        'size2': ['S', 'M', 'L', 'XXL', '36', '39', '41', '43'],
        'carrier': ['Colissimo', 'Chronopost', 'Mondial Relay', 'La Poste', 'DPD', 'bpost', 'le livreur', 'UPS'],
        'city': ['Lyon', 'Lille', 'Bordeaux', 'Paris', 'Bruxelles', 'Liège', 'Nantes', 'Marseille', 'Toulouse',
                 'Namur', 'Strasbourg', 'Genève'],
        'country': ['la Belgique', 'la Suisse', 'le Luxembourg', 'l\'Espagne', 'l\'Allemagne', 'le Canada', 'l\'Italie'],
        'street': ['12 rue des Lilas', '3 avenue de la Gare', '41 bis rue Victor Hugo', '7 chemin des Vignes',
                   'rue de l\'Église 18'],
        'agent': ['Kevin', 'Sandrine', 'Mehdi', 'Julie', 'Thomas', 'Inès', 'Marc'],
        'name': ['Camille', 'Julien', 'Nathalie', 'Théo', 'Sophie', 'Karim', 'Élodie', 'Antoine', 'Laure', 'Yannick',
                 'Manon', 'Benoît', 'Chloé', 'Patrick'],
        'fullname': ['Camille Martin', 'Julien Bernard', 'Nathalie Dubois', 'Théo Lefèvre', 'Sophie Moreau',
                     'Karim Benali', 'Élodie Girard', 'Antoine Lambert', 'Laure Fontaine', 'Yannick Dupont',
                     'Benoît Leroy', 'Chloé Renard'],
        'device': ['un iPhone 13', 'un Samsung Galaxy S21', 'un Pixel 7', 'Android 14', 'iOS 17', 'un vieil iPhone'],
        'error': ['"Une erreur est survenue"', 'l\'erreur 500', '"Session expirée"', '"Échec de la vérification"',
                  'une page blanche', '"Erreur réseau"', 'l\'erreur 403'],
        'plan': ['Premium', 'Famille', 'Pro', 'Essentiel', 'Plus'],
        'shop': ['au supermarché', 'à la station-service', 'dans un hôtel en Espagne', 'sur Amazon', 'au restaurant'],
        'time': ['ce matin', 'hier soir', 'vers 7h', 'ce midi'],
        'handle': ['@colisrapide_fr', '@MaisonEtCo_SAV', '@MobiFR_Service', '@BanqueAzurAide', '@ModeBoxFR'],
    },
    'greet_email': W(r'''
        Bonjour,
        Madame, Monsieur,
        Bonjour à toute l'équipe,
        Bonsoir,
        Bonjour Madame, Monsieur,
        Bonjour à vous,
        Hello,
    ''') + [''],
    'sign_email': W(r'''
        Cordialement,\n{fullname}
        Bien cordialement,\n{fullname}
        Merci d'avance,\n{name}
        Bonne journée,\n{name}
        Bien à vous,\n{fullname}
        {name}
        Envoyé de mon iPhone
        Salutations,\n{fullname}
        Je vous prie d'agréer mes salutations distinguées.\n{fullname}
    '''),
    'greet_chat': W(r'''
        bonjour
        bjr
        salut
        hello
        bonsoir
        coucou
        bonjour à vous
    '''),
    'tone': {
        'neu_close': W(r'''
            Merci d'avance.
            Merci.
            Dans l'attente de votre réponse.
            Merci de me tenir au courant.
            Bonne journée.
        '''),
        'neu_close_chat': ['merci', 'mrc', 'merci d\'avance', 'svp', 'stp', 'merci bcp'],
        'pos_open': W(r'''
            Tout d'abord, [super service|service au top] jusqu'ici !
            Vous avez toujours été très réactifs, j'espère que vous pourrez m'aider cette fois aussi :)
            Je suis fan de ce que vous faites, petite question :
            J'espère que vous passez une bonne journée !
        '''),
        'pos_close': W(r'''
            Merci beaucoup, vous êtes au top !
            Merci mille fois, vous êtes géniaux 😊
            Continuez comme ça !
            Un grand merci, c'est toujours un plaisir !
        '''),
        'neg_open': W(r'''
            Je relance pour la deuxième fois.
            J'ai déjà posé la question la semaine dernière, sans réponse.
            Désolé d'insister mais ça devient urgent.
        '''),
        'neg_close': W(r'''
            Je commence à perdre patience.
            C'est urgent !
            Merci de répondre rapidement cette fois.
            C'est vraiment agaçant.
        '''),
        'neg_open_strong': W(r'''
            Je suis [vraiment|franchement] furieux.
            Incroyable.
            Je dois [encore|de nouveau] vous écrire...
            Quelle honte.
            J'en ai ras le bol.
        '''),
        'neg_close_strong': W(r'''
            J'attends une réponse aujourd'hui.
            Sans solution, je saisis [le médiateur|une association de consommateurs|un avocat].
            [Totalement|Absolument] inadmissible.
            J'exige un dédommagement.
            Plus jamais.
            Vous venez de perdre un client.
            Je vais laisser un avis.
        '''),
    },
    'subjects': {
        'order': L(r'''
            0 Commande {order} ~ command
            0 Ma commande ~ command|colis
            0 Question
            0 Demande
            0 Où est ma commande ? ~ où|suivi|colis|arriv|livr
            0 Livraison ~ livr|expédi
            0 Retour ~ retour|renvoy
            0 Changement d'adresse ~ adresse
            0 Échange ~ échang|taille
            0 Annulation ~ annul
            0 Nouvelle carte ~ carte
            - Toujours rien reçu !! ~ toujours|où
        '''),
        'complaint': L(r'''
            0 Réclamation
            0 Réclamation officielle
            0 Réclamation - {ref}
            - Service déplorable
            - Très déçue
            - Toujours aucune réponse
            - URGENT
        '''),
        'technical': L(r'''
            0 Problème technique
            0 Problème
            0 Problème de connexion ~ connect|mot de passe|code
            0 Application ~ appli
            0 Message d'erreur ~ erreur
            0 Mot de passe ~ mot de passe
            0 Code de vérification ~ code
            0 Compte bloqué ~ bloqué
            0 Produit défectueux ~ fonctionne plus|allume|charge|fuit
            0 Panne ~ internet|wifi|réseau|panne
            0 Carte refusée ~ refusée|sans contact|pin
        '''),
        'billing': L(r'''
            0 Paiement
            0 Question de facturation
            0 Facture ~ facture|justificatif
            0 Double prélèvement ~ deux fois|2 fois
            0 Remboursement ~ rembours
            0 Abonnement ~ abonnement
            0 Prélèvement inconnu ~ prélèvement|reconnais
            0 Virement ~ virement
            0 Frais ? ~ frais|retrait
            - Débité deux fois !! ~ deux fois|2 fois
        '''),
        'other': L(r'''
            0 Question
            0 Demande d'information
            0 Horaires ~ horaires|ouvert
            0 Partenariat ~ partenariat
            0 Candidature ~ recrut|postul|cv
            0 Demande RGPD ~ rgpd|données
            + Merci ! ~ merci|remercier
            + Félicitations ~ adore|top
        '''),
    },
    'context': {
        'order': W(r'''
            Mon numéro de commande est le {order}. ~ command|colis|livr|retour
            J'ai commandé {date}. ~ ^(?!.*il y a)(?=.*(command|colis|livr))
            C'est un cadeau, donc c'est un peu urgent. ~ command|colis|livr|expédi
            Je commande chez vous depuis des années et c'est la première fois que ça arrive. ~ mauvais|manque|toujours|pas |où
        '''),
        'technical': W(r'''
            Ça a commencé {date}. ~ pas|plus|erreur|échec|échoue|refusée|bloqué|plante|coupe|blanche|panne|marche
            J'ai déjà tout redémarré. ~ pas|plus|erreur|échec|échoue|refusée|bloqué|plante|coupe|blanche|panne|marche
            J'en ai besoin pour le travail, donc c'est assez urgent. ~ pas|plus|erreur|échec|échoue|refusée|bloqué|plante|coupe|blanche|panne|marche
            Je peux envoyer des photos ou des captures d'écran si besoin. ~ pas|plus|erreur|échec|échoue|refusée|bloqué|plante|coupe|blanche|panne|marche
        '''),
        'billing': W(r'''
            Mon numéro client est le {cust}.
        '''),
        'complaint': W(r'''
            Je suis client depuis {years} ans.
            J'ai déjà appelé [deux|trois] fois.
            Personne ne m'a recontacté.
            Ce n'est pas la première fois.
        '''),
        'other': [],
    },
    'aside': W(r'''
        PS : vous êtes ouverts le dimanche ?
        Vous avez un magasin à {city} au fait ?
    '''),
}

FR['core'] = {}
FR['whole'] = {}

FR['core']['order'] = L(r'''
0 Où en est ma commande {order} ? [Elle devait arriver|La confirmation indiquait une livraison] {date}.
- J'ai commandé il y a {days} jours et le suivi [n'a pas bougé|indique toujours "colis en préparation"]. Où est mon colis ?
0 Pouvez-vous me dire quand la commande {order} sera expédiée ?
0 Est-il possible de modifier l'adresse de livraison de la commande {order} ? La nouvelle adresse est {street}.
0 Je souhaite annuler la commande {order}[ svp|, si elle n'est pas encore partie].
0 Est-ce que {product} sera bientôt de nouveau en stock ?[ Ça fait des semaines que c'est indiqué en rupture.|]
0 Avez-vous {clothing} en taille {size} ?
0 Comment retourner {clothing} ? [Ça ne me va pas.|Trop petit{e} malheureusement.] [Je dois imprimer l'étiquette ?|Le retour est gratuit ?]
- J'ai renvoyé {product} [il y a {weeks} semaines|{date}] et toujours pas de remboursement. Quand vais-je récupérer mes {amount} ?
0 Je peux échanger {clothing} contre une taille {size} ?
0 Le suivi indique que la commande {order} est livrée, mais je n'ai rien reçu. [Pouvez-vous vérifier auprès de {carrier} ?|Je fais quoi maintenant ?]
- {carrier} dit que j'étais absent mais j'étais chez moi toute la journée. Comment je récupère mon colis ?
0 Quels sont les frais de livraison pour {country} ?
0 Est-ce que je peux retirer ma commande dans votre magasin de {city} ?
0 Il manque {product} dans mon colis. Il arrive séparément ?
- Mauvais article reçu ! J'avais commandé {clothing} en {size}, j'ai reçu du {size2}.
0 Ma nouvelle [carte bancaire|carte de remplacement] n'est toujours pas arrivée après {days} jours. Pouvez-vous vérifier ?
0 Comment commander une carte de remplacement ? La mienne est [abîmée|cassée].
0 Quand est-ce que mon [nouveau téléphone|modem|décodeur] sera livré ? Commande {order}.
+ Commande reçue super vite, merci ! Je peux en commander une deuxième et la faire livrer pareil ?
0c commande {order} - des nouvelles ?
0c mon colis est parti ?
-c le suivi bouge plus depuis {days} jours...
0c je peux encore modifier ma commande ?
0 Combien de temps faut-il pour être remboursé après réception du retour ?
0 Je peux me faire livrer en point relais plutôt qu'à domicile ?
''')

FR['whole']['order'] = L(r'''
0e {{Livraison}} Bonjour,\n\nJ'ai passé commande hier soir (#58120) et je vois que j'ai choisi la livraison standard. Est-il encore possible de passer en express ? Je paierai la différence sans problème.\n\nMerci d'avance,\nManon
-e {{Commande 771042}} Bonjour,\n\nJ'ai commandé une table et quatre chaises au début du mois. Le site indiquait 5 à 7 jours ouvrés. Presque trois semaines plus tard, je n'ai ni confirmation d'expédition ni numéro de suivi. Pouvez-vous me donner une date de livraison précise ?\n\nCordialement,\nAntoine Lambert
0 bonjour, j'ai commandé une décoration de gâteau (commande 8812093) pour samedi. elle arrivera bien vendredi ?
-c deux semaines. DEUX. il est où mon colis
+c trop bien c'est déjà arrivé 😍 petite question : l'ampoule est fournie avec la lampe ou je dois la commander à part ?
0 Bonjour, j'ai demandé une nouvelle carte bancaire le 4 mars car l'ancienne avait expiré. L'appli indique qu'elle a été envoyée le 6, mais je ne l'ai toujours pas reçue. Dois-je attendre ou pouvez-vous la bloquer et en envoyer une autre ?
0c je peux rapporter le retour en magasin ?
- J'ai annulé la commande 4419203 moins d'une heure après l'avoir passée, j'ai reçu une confirmation, et maintenant un mail d'expédition ?! Merci de la bloquer !
+ Bonjour ! Les baskets sont arrivées et elles sont magnifiques, mais elles taillent petit. Je pourrais les échanger contre du 39 au lieu du 38 ? J'ai gardé la boîte. Merci beaucoup !
0c vous avez encore l'étagère en stock quelque part ?
0 Bonjour, mon colis est bloqué chez Mondial Relay depuis une semaine, il est indiqué "en attente". Vous pouvez voir ce qui se passe svp ?
''')

FR['core']['complaint'] = L(r'''
- C'est la [troisième|quatrième] fois que je [vous contacte|vous écris] et [personne|aucun conseiller] ne [répond|m'aide vraiment]. [C'est ridicule.|J'en ai marre.]
- On m'avait promis [un rappel|un remboursement|une réponse sous 24h] et [rien|rien du tout]. [Arrêtez de promettre des choses que vous ne tenez pas.|Pourquoi je vous croirais encore ?]
- Le conseiller que j'ai eu au téléphone, {agent}, a été [extrêmement désagréable|méprisant] et [m'a raccroché au nez|m'a dit que c'était de ma faute]. Je veux que ce soit remonté.
- Je veux parler à un responsable. [J'ai expliqué mon problème {n} fois.|On me répond avec des messages tout faits.]
- Le pire service client que j'aie jamais connu. [{days} jours|Deux semaines|Un mois] d'échanges et rien n'est réglé.
- Si ce n'est pas réglé d'ici {date}, [je résilie tout|je saisis le médiateur|je passe par un avocat|je fais opposition].
- [Vraiment déçu|Écœuré] par la façon dont on me traite. Client depuis {years} ans et voilà le résultat.
- À chaque commande chez vous, il y a un problème. [Mauvais article, retard, et maintenant pas de remboursement.|D'abord en retard, puis abîmé, et maintenant plus personne ne répond.] Plus jamais.
- [{mins} minutes|Plus d'une heure] d'attente au téléphone pour être [coupé|transféré au mauvais service]. Lamentable.
- Vous avez clôturé mon dossier sans [rien régler|même répondre]. C'est une blague ?
- Le technicien n'est pas venu, [encore une fois|pour la deuxième fois], alors que j'avais posé ma journée. Qui me rembourse ma journée ?
- On me renvoie d'un service à l'autre. Personne ne se sent responsable. Réglez ça enfin !
- Le personnel de votre magasin de {city} m'a [traité comme un voleur|ignoré pendant 20 minutes]. Je m'attendais à beaucoup mieux.
- [Super|Génial] le service, comme d'habitude... [{days} jours|deux semaines] d'attente et pas une seule réponse. 🙄
- Votre chatbot est inutile et impossible de joindre un humain. C'est à devenir fou.
0 Je souhaite déposer une réclamation officielle concernant le traitement de mon dossier ({ref}). Quelle est la procédure ?
-c pire service client ever
-c 3e fois que je demande. PERSONNE NE RÉPOND
-c j'en ai marre, je résilie
- {days} jours sans [internet|téléphone] et vous me répondez seulement "on s'en occupe". Je paie pour un service que je n'ai pas. Je veux un geste commercial.
''')

FR['whole']['complaint'] = L(r'''
-e {{Réclamation officielle}} Madame, Monsieur,\n\nJe vous adresse une réclamation officielle concernant le traitement de mon dossier. Mon lave-linge a été livré endommagé le 3 mai. Depuis, on m'a promis deux fois un échange, deux rendez-vous de livraison ont été annulés sans prévenir et j'ai passé plus de quatre heures au téléphone. Vendredi, votre conseillère m'a dit qu'elle ne pouvait "plus rien faire" et a mis fin à l'appel.\n\nJ'attends un retour d'un responsable sous cinq jours ouvrés, faute de quoi je saisirai le médiateur.\n\nCordialement,\nNathalie Dubois
- Je viens d'avoir un appel très désagréable avec l'un de vos conseillers. Il m'a coupé la parole sans arrêt, m'a mis en attente 25 minutes puis la ligne a coupé. C'est ça votre service client ?
-c vous êtes une vraie blague. 3e créneau de livraison raté et même pas un sms
- Votre livreur a jeté le colis par-dessus le portail, tout est cassé. On ne traite pas les clients comme ça.
- C'est beau de pouvoir prélever en 2 secondes mais mettre 6 semaines à répondre à une question simple. Bravo 👏
-c 58 minutes d'attente. cinquante-huit.
- Franchement je suis fatiguée. Fatiguée de vous relancer, de tout répéter. Réglez le problème ou laissez-moi résilier.
- Je vous ai recommandés à tous mes amis et maintenant j'ai honte, ils ont tous eu des problèmes de livraison et ça n'a l'air de déranger personne chez vous.
''')

FR['core']['technical'] = L(r'''
0 Impossible de me connecter [à l'application|à mon compte|au site]. J'ai [{error}|"mot de passe incorrect"] alors que le mot de passe est bon.
0 Le mail de réinitialisation du mot de passe n'arrive pas. [J'ai vérifié les spams.|Déjà essayé trois fois.]
- Je ne reçois pas le [code de vérification|code SMS|code 2FA] et je suis bloqué à la connexion. [Aidez-moi vite svp.|Vraiment pénible.]
0 Mon compte est bloqué après trop de tentatives. Comment le débloquer ?
- L'application plante [tout le temps|à chaque fois] quand je [l'ouvre|veux payer]. [Je suis sur {device}.|Déjà réinstallée.]
0 J'ai {error} quand je [valide mon panier|télécharge mes documents]. Le site est en panne ?
- {gadget} ne fonctionne plus après {days} jours. [Ne s'allume plus.|Ne charge plus du tout.] Je fais comment ?
0 Comment connecter {gadget} [au wifi|à mon téléphone] ? La notice n'est pas claire.
- Plus d'internet depuis [ce matin|hier soir]. Il y a une panne à {city} ?
0 Mon wifi se coupe toutes les quelques minutes. J'ai déjà redémarré la box.
- Ma carte a été refusée [au supermarché|à la caisse] alors que j'ai assez d'argent sur le compte. L'appli affiche {error}.
0 Mon code PIN est bloqué après trois erreurs. Comment le débloquer ?
0 Le paiement sans contact ne marche plus avec ma carte, avec le code ça passe.
- La vérification d'identité échoue à chaque fois. J'ai envoyé ma carte d'identité {n} fois.
0 La recharge avec Apple Pay ne fonctionne pas, j'ai "Échec de la recharge". Que faire ?
- Depuis la mise à jour, impossible de me connecter à l'appli bancaire. Il y a juste écrit "Une erreur est survenue".
0 Le site ne charge pas sur [Safari|mon téléphone], juste une page blanche.
+ La nouvelle appli est top ! Seul souci : le mode sombre ne reste pas activé. C'est un bug ?
0c l'appli marche pas
-c impossible de me connecter encore une fois !!
0c mot de passe oublié et le lien a expiré
0c code erreur {errcode} sur l'appli, ça veut dire quoi ?
0 Ma eSIM ne s'active pas, pas de réseau depuis {hours} heures.
''')

FR['whole']['technical'] = L(r'''
0e {{Problème de connexion}} Bonjour,\n\nDepuis hier soir, je n'arrive plus à me connecter. Après le mot de passe, on me demande un code de vérification, mais le SMS n'arrive jamais. Mon numéro est correct et j'ai du réseau. J'ai essayé six fois environ.\n\nPouvez-vous réinitialiser ou m'envoyer le code autrement ?\n\nMerci,\nSophie
-e {{Bouilloire défectueuse}} Bonjour,\n\nLa bouilloire achetée il y a trois semaines fuit par le dessous. Il y a de l'eau partout sur le plan de travail à chaque utilisation, ce qui est franchement dangereux. J'ai encore la facture et le carton. Quelles sont les solutions ?\n\nCordialement,\nBenoît Leroy
-c l'appli affiche juste un écran blanc. iphone 12, mis à jour hier
0 Ma carte est refusée en ligne avec "échec 3D Secure" mais elle marche en magasin. Je dois activer quelque chose ?
+c trop contente de l'aspirateur robot !! mais il reste coincé sur le tapis, il y a un réglage pour ça ? 😅
0 J'ai changé de téléphone et l'appli bancaire dit que mon appareil n'est pas enregistré. Comment enregistrer le nouveau ?
-c la box perd la connexion tous les soirs. impossible de télétravailler
0c code pin bloqué au distributeur, comment je le débloque ?
''')

FR['core']['billing'] = L(r'''
- J'ai été débité deux fois de {amount} pour la commande {order}. Merci de rembourser le doublon.
0 Pouvez-vous m'envoyer une facture pour la commande {order} ? [Avec la TVA détaillée svp.|Au nom de ma société svp.]
- Pourquoi ma facture est de {amount} ce mois-ci ? D'habitude c'est {amount2}.
0 Je vois un prélèvement de {amount} que je ne reconnais pas. À quoi correspond-il ?
- J'ai résilié mon abonnement [{date}|le mois dernier] et vous avez quand même prélevé {amount}. Remboursez-moi svp.
0 Je peux payer par [PayPal|virement|Bancontact|carte cadeau] ?
- Mon paiement échoue à chaque fois alors que ma carte est approvisionnée.
0 Le code promo {code} n'a pas été appliqué. Pouvez-vous me rembourser la différence ?
0 J'ai besoin d'un justificatif pour mon paiement de {amount} effectué {date}.
- Pourquoi m'a-t-on facturé des frais de {amount} ? Ce n'était indiqué nulle part.
0 Mon virement de {amount} est "en cours" depuis {days} jours. Quand arrivera-t-il ?
- Le virement a échoué mais l'argent a quand même quitté mon compte. Il est où ?
- Pourquoi j'ai payé {fee} de frais pour un retrait au distributeur ? Je pensais que c'était gratuit.
0 Le taux de change appliqué à mon paiement en [dollars|livres] est bien pire que le taux officiel. Il y a une commission ?
0 Un prélèvement a été effectué deux fois ce mois-ci. Pouvez-vous en annuler un ?
0 Mon paiement par carte {shop} est en attente depuis {days} jours. Quand sera-t-il débité ?
0 Je veux résilier mon abonnement avant le prochain prélèvement. Y a-t-il des frais ?
+ Merci pour le remboursement rapide la dernière fois ! Je vois encore un prélèvement de {amount} passé {date}, vous pouvez vérifier ?
0 Y a-t-il une réduction étudiante sur l'abonnement {plan} ?
0c vous pouvez m'envoyer la facture svp
-c débité 2 fois ?? sérieux
0c pourquoi j'ai été prélevé de {amount} ?
0 J'ai payé par virement {date} mais la facture est toujours "impayée".
''')

FR['whole']['billing'] = L(r'''
0e {{Facture avec TVA}} Bonjour,\n\nPourriez-vous m'envoyer une facture avec la TVA détaillée pour la commande 5520913 ? Notre comptable en a besoin. Société : Lambert Menuiserie SARL, n° TVA FR12345678901.\n\nCordialement,\nAntoine Lambert
-e {{Prélèvement après résiliation}} Bonjour,\n\nJ'ai résilié mon abonnement Premium le 28 février, j'ai le mail de confirmation. Le 1er mars, 12,99 € ont quand même été prélevés. Merci de me rembourser et de confirmer qu'aucun autre prélèvement ne sera effectué.\n\nBien à vous,\nÉlodie Girard
-c pourquoi j'ai payé 2,50 pour un retrait ?? jamais eu ça avant
0 Mon virement à ma sœur en Espagne est bloqué depuis lundi. C'est 350 € pour son loyer. On peut accélérer ?
+c remboursement reçu, merci !! 😊 par contre pourquoi il manque 2 euros ?
0 La réduction étudiante de 20 % n'a pas été appliquée alors que j'ai validé avec mon mail de fac.
- On me facture 25 € de "frais de rendez-vous manqué" alors que c'est VOTRE technicien qui n'est pas venu. Merci d'annuler.
0c combien coûte un virement vers la suisse ?
''')

FR['core']['other'] = L(r'''
0 Quels sont vos horaires [le samedi|les jours fériés|pendant les fêtes] ?
0 Le magasin de {city} est ouvert [demain|le lundi de Pâques] ?
0 Où se trouve le magasin le plus proche de {city} ?
0 Vous recrutez [en ce moment|des étudiants|pour l'été] [à {city}|] ? [CV en pièce jointe.|]
0 J'ai [un petit blog|une chaîne YouTube|une boulangerie] et j'aimerais discuter d'un partenariat. À qui dois-je m'adresser ?
+ Je voulais juste remercier {agent}, [super conseils|vraiment très serviable] !
+ J'adore vos produits, continuez comme ça !
0 Merci de supprimer toutes mes données personnelles conformément au RGPD.
0 Je souhaite exercer mon droit d'accès (article 15 RGPD) à mes données personnelles.
0 Je peux parler à un conseiller svp ?
- Je peux parler à une vraie personne ? Le robot ne comprend rien.
0 Vos produits sont [vegan|non testés sur les animaux|fabriqués en Europe] ?
0 Comment me désabonner de la newsletter ?
0 Il y a un numéro de téléphone pour vous joindre ?
+ Merci pour l'aide rapide tout à l'heure !
0 Je peux venir avec mon chien dans le magasin ?
0 Le magasin de {city} est accessible en fauteuil roulant ?
0s bonjour
0s bonjour ?
0s [bonjour|salut|hello|bjr|coucou][ !| 👋|| :)]
0s bonsoir[ !||,]
0s il y a quelqu'un ?
+s [merci|merci beaucoup|merci bcp|mrc|merci mille fois|top merci][ !| !!| :)| 🙏| à vous]
+s [parfait|super|génial|top|nickel][, merci| merci|, merci beaucoup][ !|| 😊]
+s [ça marche|c'est bon ça fonctionne|c'est réglé][, merci| merci !!][ !|| :)]
0s [ok|d'accord|ça marche|entendu][| merci][.|]
0s [👍|🙏|👋]
''')

FR['whole']['other'] = L(r'''
0e {{Candidature}} Madame, Monsieur,\n\nJe souhaite postuler au poste de vendeur le week-end dans votre magasin de Lyon. J'ai 19 ans, je suis étudiant et j'ai deux ans d'expérience dans le commerce. Vous trouverez mon CV en pièce jointe.\n\nCordialement,\nThéo Lefèvre
+e {{Merci !}} Bonjour,\n\nJe voulais remercier chaleureusement Inès de votre service client. Elle a réglé en un appel un problème qui traînait depuis des semaines, et avec beaucoup de gentillesse. Merci de transmettre à sa responsable !\n\nBelle journée,\nLaure
+c vous êtes les meilleurs 😍
+c merci, bon week-end !
0c vous êtes ouverts le 26 décembre ?
- Je me suis désabonné trois fois et je reçois toujours votre newsletter. Retirez-moi de TOUTES vos listes svp.
0 Madame, Monsieur, nous proposons des services SEO professionnels pour placer votre site en 1ère position sur Google. Répondez pour un audit gratuit.
0c c'est bien le service client ici ?
0c bonjour j'ai une question
+c super accueil aujourd'hui dans votre magasin de bruxelles, équipe adorable ❤️
0 Vous faites des cadeaux d'entreprise ? On cherche 50 paniers garnis pour nos salariés.
+ Joyeux Noël à toute l'équipe ! Merci pour cette belle année 🎄
+s ok merci à vous !
0s bonjour, petite question
+s merci infiniment !
0s allô ?
''')


# --------------------------------------------------------------------------------------------------
# a few long emails (120-150 words), one dominant topic each
# --------------------------------------------------------------------------------------------------
EN['whole']['complaint'] += L(r'''
-e {{Kitchen installation - formal complaint}} Dear Customer Relations,\n\nI am writing about the kitchen we ordered in January (order KIT-2024-00417). The installation was booked for 4 March. The fitters arrived two days late, left after three hours because "parts were missing", and did not come back for eleven days. When they returned, they fitted two cabinet doors upside down and cracked a worktop, which they then told us to report ourselves. Since then I have called your installation team seven times. Each time I'm promised a call back from a supervisor and each time nobody calls. We have now been without a usable kitchen for five weeks, with two small children at home.\n\nI want a senior manager to contact me this week with a firm date for the repairs and a proposal for compensation. Otherwise I will take this to the ombudsman and share the whole story online.\n\nRegards,\nNadia Karim
''')
EN['whole']['order'] += L(r'''
0e {{Moving house - two open orders}} Hi there,\n\nWe're moving on the 28th and I have two orders with you that haven't shipped yet: 5521903 (the sofa, planned delivery week 12) and 5522187 (the rug and two lamps). Could you please change the delivery address on both to 61 Sycamore Drive, Leeds LS8 4QT? If the sofa can't be delivered to the new address before the 28th, I'd rather you held it and delivered the week after, because there won't be anyone at the old place.\n\nAlso, one of the lamps was a duplicate by mistake - is it possible to cancel just that one line instead of returning it later? And just so you know, the invoice can stay in my name as it is.\n\nThanks a lot for your help, really appreciate it.\n\nBest,\nClaire Ashby
''')
EN['whole']['technical'] += L(r'''
-e {{Smart hub keeps going offline}} Hello,\n\nI bought your smart home hub six weeks ago and it has never worked reliably. Every evening around 9pm it drops off the network and all the lights and sensors show "offline" in the app. I have tried everything your help pages suggest: I moved the hub next to the router, changed the wifi channel, gave it a fixed IP address, did a full factory reset and set everything up again from scratch (which took me most of a Saturday). The router is only a year old and every other device in the house stays connected. The app shows error code H-27 but I can't find what it means anywhere.\n\nCan someone from your technical team please look at the logs or tell me what else to try? If it's a hardware fault I'd like a replacement.\n\nThanks,\nGareth
''')
EN['whole']['billing'] += L(r'''
0e {{Direct debit increase and estimated readings}} Hello,\n\nI've received a letter saying my monthly direct debit is going up from £84 to £142 from next month. I'm a bit confused, because the last three bills were based on estimated readings rather than actual ones, and I think the estimates are far too high. I submitted real meter readings through the app on the 2nd of this month (electricity 40213, gas 07781) and I have photos of both meters if you need them.\n\nCould you please recalculate my balance using the actual readings, send me a corrected statement, and review the new direct debit amount? If I've been overpaying, I'd prefer the credit to be refunded to my bank account rather than kept on the account.\n\nMany thanks,\nRuth Okafor
''')
NL['whole']['complaint'] += L(r'''
-e {{Klacht over installatie keuken}} Geachte heer/mevrouw,\n\nIn januari hebben wij bij u een keuken besteld (ordernummer KIT-2024-00417). De montage was gepland op 4 maart. De monteurs kwamen twee dagen te laat, vertrokken na drie uur omdat er "onderdelen ontbraken" en kwamen pas elf dagen later terug. Toen hebben ze twee kastdeurtjes ondersteboven gehangen en een werkblad beschadigd, wat wij vervolgens zelf moesten melden. Sindsdien heb ik uw montageafdeling zeven keer gebeld. Elke keer wordt beloofd dat een leidinggevende terugbelt en elke keer gebeurt er niets. We zitten nu vijf weken zonder bruikbare keuken, met twee kleine kinderen in huis.\n\nIk verwacht deze week contact van een verantwoordelijke met een vaste datum voor het herstel en een voorstel voor compensatie. Anders leg ik de zaak voor aan de Geschillencommissie en deel ik het hele verhaal online.\n\nMet vriendelijke groet,\nEsther Mulder
''')
NL['whole']['order'] += L(r'''
0e {{Verhuizing - twee openstaande bestellingen}} Hallo,\n\nWe verhuizen op de 28e en ik heb nog twee bestellingen bij jullie openstaan die nog niet verzonden zijn: 5521903 (de bank, levering gepland in week 12) en 5522187 (het vloerkleed en twee lampen). Zouden jullie bij allebei het bezorgadres willen aanpassen naar Lindenlaan 27, 3581 AB Utrecht? Als de bank niet voor de 28e op het nieuwe adres kan worden geleverd, dan liever de week erna, want op het oude adres is dan niemand meer.\n\nEén van de lampen heb ik per ongeluk dubbel besteld - kan ik die ene regel nog annuleren in plaats van hem later te retourneren? De factuur mag gewoon op mijn naam blijven staan.\n\nAlvast heel erg bedankt voor jullie hulp!\n\nGroetjes,\nFleur Bakker
''')
NL['whole']['technical'] += L(r'''
-e {{Slimme hub valt steeds weg}} Hallo,\n\nZes weken geleden heb ik jullie slimme hub gekocht en hij heeft nog nooit goed gewerkt. Elke avond rond 21.00 uur valt hij van het netwerk en staan alle lampen en sensoren in de app op "offline". Ik heb alles geprobeerd wat op jullie hulppagina's staat: de hub naast de router gezet, het wifikanaal veranderd, een vast IP-adres ingesteld, een volledige fabrieksreset gedaan en alles opnieuw ingesteld (daar was ik bijna een hele zaterdag mee bezig). De router is pas een jaar oud en alle andere apparaten in huis blijven gewoon verbonden. In de app staat foutcode H-27, maar ik kan nergens vinden wat dat betekent.\n\nKan iemand van jullie technische team naar de logbestanden kijken of zeggen wat ik nog kan proberen? Als het een hardwarefout is, wil ik graag een vervangend exemplaar.\n\nGroet,\nKoen
''')
NL['whole']['billing'] += L(r'''
0e {{Verhoging termijnbedrag en geschatte standen}} Goedemiddag,\n\nIk heb een brief gekregen dat mijn maandelijkse termijnbedrag vanaf volgende maand omhoog gaat van € 84 naar € 142. Dat verbaast me, want de laatste drie afrekeningen waren gebaseerd op geschatte meterstanden en volgens mij liggen die schattingen veel te hoog. Op de 2e van deze maand heb ik via de app de echte standen doorgegeven (stroom 40213, gas 07781) en ik heb van beide meters foto's als jullie die nodig hebben.\n\nKunnen jullie mijn saldo opnieuw berekenen met de werkelijke standen, mij een gecorrigeerde afrekening sturen en het nieuwe termijnbedrag nog eens bekijken? Als ik te veel heb betaald, ontvang ik het tegoed liever terug op mijn rekening dan dat het op mijn account blijft staan.\n\nMet vriendelijke groet,\nHanneke Vos
''')
DE['whole']['complaint'] += L(r'''
-e {{Beschwerde Kücheneinbau}} Sehr geehrte Damen und Herren,\n\nim Januar haben wir bei Ihnen eine Küche bestellt (Auftragsnummer KIT-2024-00417). Der Einbau war für den 4. März geplant. Die Monteure kamen zwei Tage zu spät, sind nach drei Stunden wieder gefahren, weil angeblich Teile fehlten, und kamen erst elf Tage später zurück. Dann wurden zwei Schranktüren falsch herum montiert und eine Arbeitsplatte beschädigt, was wir selbst melden sollten. Seitdem habe ich Ihre Montageabteilung siebenmal angerufen. Jedes Mal wurde mir ein Rückruf eines Vorgesetzten versprochen, und jedes Mal kam nichts. Wir sind jetzt seit fünf Wochen ohne nutzbare Küche, mit zwei kleinen Kindern im Haus.\n\nIch erwarte noch diese Woche einen Anruf von einer verantwortlichen Person mit einem festen Termin für die Reparatur und einem Vorschlag zur Entschädigung. Andernfalls wende ich mich an die Schlichtungsstelle.\n\nMit freundlichen Grüßen\nSabine Schäfer
''')
DE['whole']['billing'] += L(r'''
0e {{Abschlag erhöht - geschätzte Zählerstände}} Guten Tag,\n\nlaut Ihrem Schreiben steigt mein monatlicher Abschlag ab nächstem Monat von 84 € auf 142 €. Das wundert mich, denn die letzten drei Abrechnungen beruhten auf geschätzten Zählerständen, die meiner Meinung nach viel zu hoch angesetzt sind. Am 2. dieses Monats habe ich die tatsächlichen Stände über die App gemeldet (Strom 40213, Gas 07781), Fotos der Zähler kann ich gern schicken.\n\nKönnten Sie mein Konto bitte mit den echten Zählerständen neu berechnen, mir eine korrigierte Rechnung schicken und den neuen Abschlag noch einmal prüfen? Falls ich zu viel bezahlt habe, hätte ich das Guthaben lieber auf mein Bankkonto überwiesen.\n\nVielen Dank und viele Grüße\nFlorian Wolf
''')
FR['whole']['order'] += L(r'''
0e {{Déménagement - deux commandes en cours}} Bonjour,\n\nNous déménageons le 28 et j'ai deux commandes chez vous qui ne sont pas encore parties : la 5521903 (le canapé, livraison prévue semaine 12) et la 5522187 (le tapis et deux lampes). Pourriez-vous modifier l'adresse de livraison des deux pour le 12 rue des Lilas, 69003 Lyon ? Si le canapé ne peut pas être livré à la nouvelle adresse avant le 28, je préfère que vous le gardiez et le livriez la semaine suivante, car il n'y aura plus personne à l'ancienne adresse.\n\nPar ailleurs, j'ai commandé une des lampes en double par erreur : est-il possible d'annuler uniquement cette ligne plutôt que de la retourner ensuite ? La facture peut rester à mon nom.\n\nMerci beaucoup pour votre aide !\n\nBien cordialement,\nLaure Fontaine
''')
FR['whole']['technical'] += L(r'''
-e {{Box domotique hors ligne tous les soirs}} Bonjour,\n\nJ'ai acheté votre box domotique il y a six semaines et elle n'a jamais fonctionné correctement. Tous les soirs vers 21h, elle se déconnecte du réseau et toutes les lampes et capteurs apparaissent "hors ligne" dans l'application. J'ai essayé tout ce qui est indiqué dans votre aide en ligne : rapprocher la box du routeur, changer de canal wifi, attribuer une adresse IP fixe, faire une réinitialisation complète et tout reconfigurer (j'y ai passé presque tout un samedi). Le routeur a un an et tous les autres appareils restent connectés. L'application affiche le code d'erreur H-27, introuvable dans votre documentation.\n\nQuelqu'un de votre équipe technique peut-il consulter les journaux ou me dire quoi essayer d'autre ? S'il s'agit d'un défaut matériel, je souhaite un échange.\n\nCordialement,\nYannick Dupont
''')


# ==================================================================================================
# channel dressing and noise
# ==================================================================================================
LANGS.update({'en': EN, 'nl': NL, 'de': DE, 'fr': FR})
LANGS['en_tw'] = {'slots': dict(EN['slots'], **TW_SLOTS)}

CHANNEL_WEIGHTS = {
    'en': [('email', 36), ('whatsapp', 26), ('messenger', 14), ('instagram', 12), ('twitter', 12)],
    'nl': [('email', 32), ('whatsapp', 36), ('messenger', 12), ('instagram', 12), ('twitter', 8)],
    'de': [('email', 45), ('whatsapp', 25), ('messenger', 14), ('instagram', 10), ('twitter', 6)],
    'fr': [('email', 42), ('whatsapp', 26), ('messenger', 14), ('instagram', 12), ('twitter', 6)],
}
CHAT = ('whatsapp', 'messenger', 'instagram')

EMOJI = {
    'negative': ['😡', '😤', '🙄', '😞', '😩', '🤬', '👎', '😠', '😒', '🤦‍♀️', '🤦‍♂️', '😑'],
    'neutral': ['🙂', '🙏', '🤔', '😅'],
    'positive': ['😊', '😍', '🙏', '❤️', '👍', '🎉', '🥰', '💛', '🙌', '😁', '✨'],
}
HASHTAGS = {
    'en': {'negative': ['#fail', '#customerservice', '#annoyed', '#notimpressed'], 'positive': ['#happy', '#thanks', '#love']},
    'nl': {'negative': ['#klantenservice', '#fail', '#slecht', '#balen'], 'positive': ['#blij', '#top', '#dankjewel']},
    'de': {'negative': ['#kundenservice', '#fail', '#ärgerlich'], 'positive': ['#danke', '#top']},
    'fr': {'negative': ['#serviceclient', '#fail', '#honteux'], 'positive': ['#merci', '#top']},
}

ABBREV = {
    'en': [(r"\bplease\b", ['pls', 'plz', 'pls']), (r"\bthanks\b", ['thx', 'thnx', 'ty']),
           (r"\bthank you\b", ['ty', 'thank u', 'thx']), (r"\byou\b", ['u']), (r"\byour\b", ['ur', 'your']),
           (r"\bas soon as possible\b", ['asap', 'ASAP']), (r"\bbecause\b", ['bc', 'cos', 'cuz']),
           (r"\btomorrow\b", ['tmrw', 'tmr']), (r"\bby the way\b", ['btw']), (r"\bI'm\b", ['im', 'Im', 'i\'m']),
           (r"\bdon't\b", ['dont']), (r"\bcan't\b", ['cant']), (r"\bdoesn't\b", ['doesnt']), (r"\bit's\b", ['its']),
           (r"\bgoing to\b", ['gonna']), (r"\bwant to\b", ['wanna']), (r"\bhaven't\b", ['havent']),
           (r"\bI've\b", ['ive', 'Ive']), (r"\bwhat's\b", ['whats']), (r"\bare\b", ['r'])],
    'nl': [(r"\balsjeblieft\b", ['aub', 'ajb', 'pls']), (r"\balstublieft\b", ['aub', 'a.u.b.']),
           (r"\bbedankt\b", ['thx', 'tnx', 'bedankt']), (r"\bdank je wel\b", ['dankjewel', 'thx', 'dankje']),
           (r"\beven\b", ['ff', 'effe', 'even']), (r"\bzo snel mogelijk\b", ['asap', 'zsm', 'z.s.m.']),
           (r"\bhet\b", ["'t", 't']), (r"\bmijn\b", ["m'n", 'mn', 'mijn']), (r"\bin plaats van\b", ['ipv', 'i.p.v.']),
           (r"\btrouwens\b", ['btw', 'trouwens']), (r"\bbijvoorbeeld\b", ['bv', 'bijv']),
           (r"\bmet vriendelijke groet\b", ['mvg', 'gr']), (r"\bgroetjes\b", ['grtjs', 'gr', 'groetjes']),
           (r"\bheb je\b", ['heb je', 'hebje']), (r"\been\b", ["'n", 'een']), (r"\bniks\b", ['niks', 'nix'])],
    'de': [(r"\bbitte\b", ['bitte', 'pls', 'bitteee', 'bidde']), (r"\bdanke\b", ['thx', 'danke', 'dankeee']),
           (r"\bvielleicht\b", ['vllt', 'vlt']), (r"\birgendwie\b", ['iwie']),
           (r"\bmit freundlichen grüßen\b", ['MfG', 'mfg']), (r"\bso schnell wie möglich\b", ['asap', 'schnellstmöglich']),
           (r"\bgibt es\b", ['gibts', 'gibt\'s']), (r"\bhabe\b", ['hab', 'habe']), (r"\bnicht\b", ['nich', 'nicht', 'net']),
           (r"\beinen\b", ["'nen", 'einen']), (r"\beine\b", ["'ne", 'eine']), (r"\bist es\b", ['isses', 'ist es'])],
    'fr': [(r"\bs'il vous plaît\b", ['svp', 'stp']), (r"\bje ne sais pas\b", ['jsp', 'je sais pas']),
           (r"\bbeaucoup\b", ['bcp']), (r"\bpourquoi\b", ['pk', 'pq', 'pourquoi']), (r"\baujourd'hui\b", ['ajd', 'auj']),
           (r"\bquelque chose\b", ['qqch', 'qqc']), (r"\bbonjour\b", ['bjr', 'bonjour', 'bonjour']),
           (r"\bmerci\b", ['mrc', 'merci', 'merci']), (r"\bje suis\b", ['jsuis', 'chui', 'je suis']),
           (r"\btoujours\b", ['tjrs', 'tjs', 'toujours']), (r"\bvous\b", ['vs', 'vous', 'vous']),
           (r"\bc'est\b", ['c', "c'est", 'cest']), (r"\bd'accord\b", ['dac', 'ok']), (r"\bparce que\b", ['pcq', 'pck'])],
}
NEAR = {}
for row in ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']:
    for i, ch in enumerate(row):
        NEAR[ch] = (row[i - 1] if i else '') + (row[i + 1] if i + 1 < len(row) else '')


def strip_accents(t):
    import unicodedata
    out = []
    for ch in t:
        d = unicodedata.normalize('NFD', ch)
        base = d[0]
        out.append(base if (len(d) > 1 and base.isascii() and base.isalpha()) else ch)
    return ''.join(out)


def add_typo(t):
    words = [m for m in re.finditer(r'(?<![#@A-Za-zÀ-ÿ])[A-Za-zÀ-ÿ]{5,}', t)]
    if not words:
        return t
    m = R.choice(words)
    w = m.group(0)
    i = R.randint(1, len(w) - 2)
    op = R.choice(['swap', 'swap', 'drop', 'double', 'near'])
    if op == 'swap':
        w2 = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif op == 'drop':
        w2 = w[:i] + w[i + 1:]
    elif op == 'double':
        w2 = w[:i] + w[i] + w[i:]
    else:
        c = w[i].lower()
        w2 = w[:i] + (R.choice(NEAR[c]) if c in NEAR and NEAR[c] else w[i]) + w[i + 1:]
    return t[:m.start()] + w2 + t[m.end():]


def abbreviate(t, lang, p):
    for pat, reps in ABBREV[lang]:
        if R.random() < p:
            t = re.sub(pat, lambda m: R.choice(reps), t, flags=re.I)
    return t


def noisify(t, lang, channel, sent, light=False):
    chat = channel != 'email'
    k = 0.45 if light else 1.0
    if chat:
        t = abbreviate(t, lang, 0.35 * k)
        if lang == 'fr' and R.random() < 0.5 * k:
            t = re.sub(r"\bne (\w+) (pas|plus|jamais|rien)\b", r"\1 \2", t)
            t = re.sub(r"\bn'(\w+) (pas|plus|jamais|rien)\b", r"\1 \2", t)
        if R.random() < 0.45 * k:
            t = t.lower()
        if R.random() < 0.3 * k:
            t = re.sub(r',(?!\d)', '', t)
        if R.random() < 0.5 * k:
            t = re.sub(r'\.(\s*)$', r'\1', t)
            if R.random() < 0.4:
                t = re.sub(r'(?<!\d)\.\s+(?=\S)', ' ', t)
        if lang in ('fr', 'de', 'nl') and R.random() < 0.12 * k:
            t = strip_accents(t)
        r = R.random() * (1 if len(t) >= 30 else 4)
        if r < 0.13 * k:
            t = add_typo(t)
        elif r < 0.15 * k:
            t = add_typo(add_typo(t))
        if sent == 'negative' and R.random() < 0.3 * k:
            t = re.sub(r'\?(\s*)$', lambda m: R.choice(['??', '???', '?!']) + m.group(1), t)
            t = re.sub(r'!(\s*)$', lambda m: R.choice(['!!', '!!!']) + m.group(1), t)
        if sent == 'negative' and len(t) < 90 and R.random() < 0.04 * k:
            t = t.upper()
        pe = {'instagram': 0.45, 'twitter': 0.18}.get(channel, 0.28) * (0.35 if sent == 'neutral' else 1.0)
        if R.random() < pe * k and not re.search(r'[\U0001F300-\U0001FAFF]', t):
            e = R.choice(EMOJI[sent])
            if R.random() < 0.2:
                e = e * R.choice([2, 3])
            t = re.sub(r'[.!]?\s*$', '', t) + R.choice([' ', ' ', '']) + e
    else:
        if R.random() < 0.07 * k:
            t = add_typo(t)
        if R.random() < 0.03 * k:
            t = t.lower()
        if R.random() < 0.05 * k:
            t = abbreviate(t, lang, 0.5)
    return t.strip()


def pick_channel(lang, mode, text):
    if mode == 'e' or len(text) > 260 or '\n' in text:
        return 'email'
    opts = CHANNEL_WEIGHTS[lang]
    if mode == 'c':
        opts = [o for o in opts if o[0] != 'email']
    if mode == 's':
        opts = [o for o in opts if o[0] in CHAT]
    if len(text) > 220:
        opts = [o for o in opts if o[0] != 'twitter']
    total = sum(w for _, w in opts)
    x = R.uniform(0, total)
    for ch, w in opts:
        x -= w
        if x <= 0:
            return ch
    return opts[-1][0]


def tone_wrap(lang, cat, sent, mode):
    """Return (opener, closer, new_sentiment)."""
    T = LANGS[lang]['tone']
    op, cl = '', ''
    if mode == 's':
        return op, cl, sent
    x = R.random()
    if cat == 'complaint':
        if sent == 'neutral' and x < 0.3 or sent == 'negative' and x < 0.45:
            if R.random() < 0.5:
                op = R.choice(T['neg_open_strong'])
            if not op or R.random() < 0.4:
                cl = R.choice(T['neg_close_strong'])
            sent = 'negative'
    elif cat == 'other':
        if sent in ('neutral', 'positive') and x < (0.2 if sent == 'neutral' else 0.2):
            if sent == 'neutral' and R.random() < 0.5:
                op = R.choice(T['pos_open'])
            else:
                cl = R.choice(T['pos_close'])
            sent = 'positive'
    else:
        if sent == 'neutral':
            if x < 0.14:
                if R.random() < 0.5:
                    op = R.choice(T['pos_open'])
                else:
                    cl = R.choice(T['pos_close'])
                sent = 'positive'
            elif x < 0.32:
                if R.random() < 0.5:
                    op = R.choice(T['neg_open'])
                else:
                    cl = R.choice(T['neg_close'])
                sent = 'negative'
        elif sent == 'negative' and x < 0.3:
            if R.random() < 0.5:
                op = R.choice(T['neg_open'])
            else:
                cl = R.choice(T['neg_close'])
        elif sent == 'positive' and x < 0.25:
            cl = R.choice(T['pos_close'])
    return op, cl, sent


def pick_subject(lang, cat, sent, cache, body):
    """Subjects may carry a hint ("Password reset ~ password"): hinted subjects are only used when the hint
    matches the message, so the subject fits what the customer wrote."""
    low = body.lower()
    generic, fitting = [], []
    for s in LANGS[lang]['subjects'][cat]:
        if s['s'] not in ('neutral', sent):
            continue
        text, _, hint = s['text'].partition(' ~ ')
        if not hint:
            generic.append(text)
        elif re.search(hint, low):
            fitting.append(text)
    pool = fitting if fitting and (R.random() < 0.75 or not generic) else generic
    return realize(R.choice(pool), lang, cache)


GREETING_RE = re.compile(r"^(hi|hello|hey|hiya|dear|good (morning|afternoon|evening)|hoi|hallo|dag|goede(morgen|middag|navond)|"
                         r"goeiedag|goeiemiddag|beste|geachte|guten|moin|servus|liebe|sehr geehrte|bonjour|bonsoir|salut|"
                         r"coucou|madame|bjr)\b", re.I)
DE_LOWER_OK = {'Ich', 'Meine', 'Mein', 'Die', 'Das', 'Der', 'Können', 'Kann', 'Wie', 'Wo', 'Wann', 'Warum', 'Gibt',
               'Ist', 'Hat', 'Habt', 'Seit', 'Mir', 'Bei', 'Auf', 'Beim', 'Laut', 'Eine', 'Ein', 'In', 'Ihr', 'Euer',
               'Eure', 'Wenn', 'Dass', 'Danke', 'Erstmal', 'Hiermit'}


def lower_first(text, lang):
    first = text.split(' ', 1)[0]
    if lang == 'de' and first.strip('.,!?:') not in DE_LOWER_OK:
        return text
    if lang == 'en' and (first in ('I', "I'm", "I've", "I'd", "I'll") or first[:1] == '@'):
        return text
    if first[:1].isupper() and not (len(first) > 1 and first[1].isupper()):
        return text[0].lower() + text[1:]
    return text


def contexts(lang, cat, cache, k, core_text=''):
    pool = list(LANGS[lang]['context'][cat])
    R.shuffle(pool)
    out = []
    for c in pool:
        if len(out) >= k:
            break
        c, _, hint = c.partition(' ~ ')
        if any(s in cache for s in SLOT_RE.findall(c)):
            continue           # would repeat information already in the message
        if hint and not re.search(hint, core_text.lower()):
            continue           # only fits some messages (e.g. web-shop orders, not bank cards)
        out.append(realize(c, lang, cache))
    return out


def join_sentences(parts):
    return ' '.join(p for p in parts if p)


def build(lang, cat, item, whole=False):
    D = LANGS[lang]
    cache = {}
    sent = item['s']
    mode = item['mode']
    core = realize(item['text'], lang, cache)
    greeted = bool(GREETING_RE.match(core))
    subject = realize(item['subject'], lang, cache) if item['subject'] else None
    channel = 'email' if subject else pick_channel(lang, mode, core)

    if whole and ('\n' in core or channel != 'email'):
        text = core                                  # complete hand-written message
        if channel == 'twitter' and not core.startswith('@'):
            text = R.choice(D['slots']['handle']) + ' ' + core
    elif channel == 'email':
        op, cl, sent = tone_wrap(lang, cat, sent, mode) if not whole else ('', '', sent)
        if greeted and op:
            op, cl = '', cl or op
        ctx = [] if whole else contexts(lang, cat, cache, R.choice([0, 0, 1, 1, 2]), core)
        aside = realize(R.choice(D['aside']), lang, cache) if cat != 'other' and not whole and R.random() < 0.06 else ''
        neu = R.choice(D['tone']['neu_close']) if cat != 'complaint' and not (cat == 'other' and sent == 'positive') and R.random() < 0.35 else ''
        body_parts = [realize(op, lang, cache), core] + ctx + [aside, realize(cl, lang, cache), neu]
        body_parts = [p for p in body_parts if p]
        if len(body_parts) >= 3 and R.random() < 0.5:
            cut = R.randint(1, len(body_parts) - 1)
            body = join_sentences(body_parts[:cut]) + '\n\n' + join_sentences(body_parts[cut:])
        else:
            body = join_sentences(body_parts)
        greet = '' if GREETING_RE.match(body) else realize(R.choice(D['greet_email']), lang, cache)
        sign = realize(R.choice(D['sign_email']), lang, cache) if not whole and R.random() < 0.88 else ''
        if greet and lang == 'de' and greet.endswith(',') and R.random() < 0.6:
            body = lower_first(body, lang)     # "Hallo,\n\nich habe ..." is the usual German style
        if R.random() < 0.75:
            text = (greet + '\n\n' if greet else '') + body + ('\n\n' + sign if sign else '')
        else:
            text = ' '.join(x for x in [greet, body, sign.replace('\n', ' ')] if x)
    else:
        op, cl, sent = tone_wrap(lang, cat, sent, mode) if not whole else ('', '', sent)
        if greeted and op:
            op, cl = '', cl or op
        parts = [realize(op, lang, cache), core]
        if mode != 's' and not whole and cat != 'other' and R.random() < 0.12:
            parts += contexts(lang, cat, cache, 1, core)
        parts.append(realize(cl, lang, cache))
        if mode != 's' and not whole and sent != 'negative' and R.random() < 0.2:
            parts.append(R.choice(D['tone']['neu_close_chat']))
        text = join_sentences([p for p in parts if p])
        if mode != 's' and not whole and not greeted and not GREETING_RE.match(text) and R.random() < 0.3:
            g = R.choice(D['greet_chat']).rstrip(',')
            sep = R.choice([', ', ', ', '! ', '\n', ' - '])
            text = g + sep + (lower_first(text, lang) if sep in (', ', ' - ') else text)
        if channel == 'twitter':
            text = R.choice(D['slots']['handle']) + ' ' + text
            if sent in HASHTAGS[lang] and R.random() < 0.3:
                text += ' ' + R.choice(HASHTAGS[lang][sent])

    text = noisify(text, lang, channel, sent, light=whole)
    if channel == 'email' and subject is None and R.random() < 0.93:
        subject = pick_subject(lang, cat, sent, cache, core)
    rec = {'text': text}
    if channel == 'email' and subject:
        rec['subject'] = subject
    rec.update({'channel': channel, 'language': lang, 'category': cat, 'sentiment': sent})
    return rec


def build_tweet(cat, item):
    cache = {}
    t = realize(item['text'], 'en_tw', cache, cap=False)
    t = noisify(t, 'en', 'twitter', item['s'], light=True)
    return {'text': t, 'channel': 'twitter', 'language': 'en', 'category': cat, 'sentiment': item['s']}


# ==================================================================================================
# generation
# ==================================================================================================
TARGETS = {'en': 330, 'nl': 320, 'de': 76, 'fr': 76}   # per category (en includes the airline tweets)


def generate():
    seen = set()
    out = {}

    def add(rec, bucket):
        key = rec['text']
        if not key or key in seen:
            return False
        seen.add(key)
        bucket.append(rec)
        return True

    for lang in ['en', 'nl', 'de', 'fr']:
        D = LANGS[lang]
        recs = []
        have = {c: 0 for c in CATS}
        if lang == 'en':
            for cat in CATS:
                items = TWEETS[cat]
                tries = 0
                while have[cat] < TWEET_TARGETS[cat]:
                    order = items[:]
                    R.shuffle(order)
                    for it in order:
                        if have[cat] >= TWEET_TARGETS[cat]:
                            break
                        if add(build_tweet(cat, it), recs):
                            have[cat] += 1
                        tries += 1
                    if tries > 200 * TWEET_TARGETS[cat]:
                        raise RuntimeError('cannot fill tweets for ' + cat)
        for cat in CATS:
            target = TARGETS[lang]
            whole = D['whole'][cat][:]
            R.shuffle(whole)
            for it in whole:
                if have[cat] >= target:
                    break
                if add(build(lang, cat, it, whole=True), recs):
                    have[cat] += 1
            cores = D['core'][cat]
            tries = 0
            while have[cat] < target:
                order = cores[:]
                R.shuffle(order)
                for it in order:
                    if have[cat] >= target:
                        break
                    if add(build(lang, cat, it), recs):
                        have[cat] += 1
                    tries += 1
                if tries > 100 * target:
                    raise RuntimeError('cannot fill %s/%s' % (lang, cat))
        R.shuffle(recs)
        out[lang] = recs
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--out', default=os.path.join(os.path.dirname(os.path.abspath(__file__)), 'labelled'))
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    data = generate()
    for lang, recs in data.items():
        path = os.path.join(args.out, lang + '.jsonl')
        with open(path, 'w', encoding='utf-8', newline='\n') as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
        print('%s: %d lines -> %s' % (lang, len(recs), path))


if __name__ == '__main__':
    main()
