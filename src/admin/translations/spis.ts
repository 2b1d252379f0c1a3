/**
 * The panel's own words (ids `spis.*`, English in the code's defaultMessage) and where this CMS
 * replaces Strapi's (its name on sign-in and in the menu). Serbian Cyrillic is made from sr-Latn.
 */
type Messages = Record<string, string>;

const en: Messages = {
  'Auth.form.welcome.title': 'SPIS content',
  'Auth.form.welcome.subtitle': 'Sign in with your SPIS CMS account',
  'Auth.form.register.subtitle': 'These credentials only sign you in to the SPIS CMS.',
  'app.components.LeftMenu.navbrand.title': 'SPIS CMS',
  'app.components.LeftMenu.navbrand.workplace': 'Communications',
  'components.Input.error.validation.regex': 'This is not in the expected form; the hint under the field shows an example.',
  'components.Input.error.validation.regex.withField': '{field} is not in the expected form; the hint under the field shows an example.',
  'content-manager.error.validation.regex': 'This is not in the expected form; the hint under the field shows an example.',
};

const bs: Messages = {
  'serbian-cyrillic.create': 'Napravi ćiriličnu verziju',
  'serbian-cyrillic.create.fromLatin': 'Српски (ћирилица): napravi iz latiničnog teksta',
  'serbian-cyrillic.dialog.title': 'Napravi srpsku ćiriličnu verziju',
  'serbian-cyrillic.dialog.content':
    'Tekst ovog dokumenta na srpskoj latinici (ili bosanski, ako srpske latinične verzije nema) piše se ćirilicom, kao novi sr-Cyrl nacrt koji pregledate prije objave.',
  'serbian-cyrillic.dialog.confirm': 'Napravi nacrt',
  'serbian-cyrillic.created': 'Ćirilični nacrt napravljen iz verzije {locale}',
  'serbian-cyrillic.failed': 'Ćirilična verzija nije napravljena',
  'Auth.form.welcome.title': 'SPIS sadržaji',
  'Auth.form.welcome.subtitle': 'Prijavite se svojim SPIS CMS nalogom',
  'Auth.form.register.subtitle': 'Ovi podaci služe samo za prijavu u SPIS CMS.',
  'app.components.LeftMenu.navbrand.title': 'SPIS CMS',
  'app.components.LeftMenu.navbrand.workplace': 'Komunikacije',
  'components.Input.error.validation.regex': 'Ovo nije u očekivanom obliku; primjer je u napomeni ispod polja.',
  'components.Input.error.validation.regex.withField': '{field} nije u očekivanom obliku; primjer je u napomeni ispod polja.',
  'content-manager.error.validation.regex': 'Ovo nije u očekivanom obliku; primjer je u napomeni ispod polja.',
  'spis.dates.placeholder': 'dd.mm.gggg.',
  'spis.times.placeholder': 'hh:mm',
  'spis.times.label': 'Vrijeme',
  'spis.dates.unreadable': 'Ovo nije datum. Upišite ga kao dan.mjesec.godina., npr. 15.12.2026.',
  'spis.dates.impossible': 'Takav dan ne postoji. Provjerite dan i mjesec (npr. 15.12.2026.).',
  'spis.times.unreadable': 'Ovo nije vrijeme. Upišite ga u 24-satnom formatu, npr. 18:07.',
  'spis.times.impossible': 'Takvo vrijeme ne postoji. Koristite 00:00 do 23:59.',
  'spis.times.missing': 'Upišite i vrijeme, npr. 09:00.',
  'spis.dates.missing': 'Upišite i datum, npr. 15.12.2026.',
  'spis.dates.openCalendar': 'Odaberite dan u kalendaru',
  'spis.dates.previousMonth': 'Prethodni mjesec',
  'spis.dates.nextMonth': 'Sljedeći mjesec',
  'spis.language.title': 'Jezik sučelja',
  'spis.language.label': 'Jezik ovog panela za vas',
  'spis.scheduled.for': 'Zakazano za {time}',
  'spis.scheduled.title': 'Zakazano',
  'spis.readOnly.title': 'Samo za čitanje',
  'spis.readOnly.note': 'Vaša uloga mijenja samo dokumente koje ste vi napravili, a ovaj je napravio/la {creator}: za izmjenu se obratite uredniku.',
  'spis.readOnly.someoneElse': 'neko drugi (ili uvoz)',
  'spis.links.title': 'Nije povezano na ovom jeziku',
  'spis.links.note': 'Bosanska verzija je povezana s ovim, a ova verzija ne može biti (još nemaju verziju na njenom jeziku, ili je veza ovdje uklonjena):',
};

const hr: Messages = {
  ...bs,
  'serbian-cyrillic.create': 'Izradi ćiriličnu inačicu',
  'serbian-cyrillic.create.fromLatin': 'Српски (ћирилица): izradi iz latiničnog teksta',
  'serbian-cyrillic.dialog.title': 'Izradi srpsku ćiriličnu inačicu',
  'serbian-cyrillic.dialog.content':
    'Tekst ovog dokumenta na srpskoj latinici (ili bosanski, ako srpske latinične inačice nema) piše se ćirilicom, kao nova sr-Cyrl skica koju pregledate prije objave.',
  'serbian-cyrillic.dialog.confirm': 'Izradi skicu',
  'serbian-cyrillic.created': 'Ćirilična skica izrađena iz inačice {locale}',
  'serbian-cyrillic.failed': 'Ćirilična inačica nije izrađena',
  'Auth.form.welcome.title': 'SPIS sadržaji',
  'Auth.form.welcome.subtitle': 'Prijavite se svojim SPIS CMS korisničkim računom',
  'Auth.form.register.subtitle': 'Ovi podaci služe samo za prijavu u SPIS CMS.',
  'spis.dates.placeholder': 'dd.mm.gggg.',
  'spis.dates.unreadable': 'Ovo nije datum. Upišite ga kao dan.mjesec.godina., npr. 15.12.2026.',
  'spis.dates.impossible': 'Takav dan ne postoji. Provjerite dan i mjesec (npr. 15.12.2026.).',
  'spis.times.unreadable': 'Ovo nije vrijeme. Upišite ga u 24-satnom obliku, npr. 18:07.',
  'spis.language.title': 'Jezik sučelja',
  'spis.language.label': 'Jezik ovog sučelja za vas',
};

const srLatn: Messages = {
  ...bs,
  'serbian-cyrillic.create': 'Napravi ćiriličnu verziju',
  'serbian-cyrillic.create.fromLatin': 'Српски (ћирилица): napravi iz latiničnog teksta',
  'serbian-cyrillic.dialog.title': 'Napravi srpsku ćiriličnu verziju',
  'serbian-cyrillic.dialog.content':
    'Tekst ovog dokumenta na srpskoj latinici (ili bosanski, ako srpske latinične verzije nema) piše se ćirilicom, kao novi sr-Cyrl nacrt koji pregledate prije objavljivanja.',
  'serbian-cyrillic.dialog.confirm': 'Napravi nacrt',
  'serbian-cyrillic.created': 'Ćirilični nacrt napravljen iz verzije {locale}',
  'serbian-cyrillic.failed': 'Ćirilična verzija nije napravljena',
  'Auth.form.welcome.subtitle': 'Prijavite se svojim SPIS CMS nalogom',
  'spis.language.title': 'Jezik interfejsa',
  'spis.language.label': 'Jezik ovog panela za vas',
};

export const spisMessages = { en, bs, hr, 'sr-Latn': srLatn };
