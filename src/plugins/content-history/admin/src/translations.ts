/**
 * The history panel in the editors' languages, as the app's own panel messages are
 * (src/admin/translations): English from each message's defaultMessage (./messages.ts), Bosnian,
 * Croatian and Serbian Latin written here, Serbian Cyrillic made from the Serbian Latin.
 */
import { messagesToCyrillic } from '../../../../admin/translations/cyrillic';
import { messages } from './messages';

type Texts = Record<string, string>;

const bs: Texts = {
  'panel.title': 'Historija',
  'panel.list': 'Zabilježene verzije, najnovija prva',
  'panel.empty': 'Još nije zabilježena nijedna izmjena ove jezičke verzije.',
  'panel.failed': 'Historija se nije mogla učitati.',
  'panel.older': 'Prikaži starije verzije',
  'version.fields': 'Polja: {fields}',
  'version.moreFields': '{fields} i još {count}',
  'version.noFields': 'nijedno polje nije promijenjeno',
  'status.draft': 'Nacrt',
  'status.published': 'Objavljeno',
  'action.create': 'Napravljeno',
  'action.update': 'Izmijenjeno',
  'action.publish': 'Objavljeno',
  'action.unpublish': 'Objava povučena',
  'action.delete': 'Obrisano',
  'action.discardDraft': 'Nacrt odbačen',
  'action.clone': 'Kopirano',
  'path.panel': 'u panelu',
  'path.rest': 'preko API-ja',
  'path.graphql': 'preko GraphQL-a',
  'path.import': 'uvozom',
  'path.scheduler': 'zakazanom objavom',
  'path.restore': 'vraćanjem iz historije',
  'path.system': 'od sistema',
  'actor.token': 'API token „{name}“',
  'actor.unknown': 'nepoznato',
  'version.title': 'Verzija od {time}',
  'version.close': 'Zatvori',
  'version.loading': 'Učitavanje…',
  'version.failed': 'Ova verzija se nije mogla učitati.',
  'diff.compareTo': 'Upoređeno s',
  'diff.previous': 'verzijom prije nje',
  'diff.compareHint': 'Šta se promijenilo od verzije s kojom se upoređuje do ove.',
  'diff.first': 'Prva zabilježena verzija: sva polja onako kako su napisana.',
  'diff.same': 'Nijedno polje se ne razlikuje od verzije s kojom se upoređuje.',
  'diff.removal': 'Ova verzija bilježi da je objava ove jezičke verzije povučena ili da je verzija obrisana: nema sadržaja koji bi se prikazao ili vratio.',
  'diff.added': 'dodano',
  'diff.removed': 'uklonjeno',
  'diff.legend': 'U tekstovima:',
  'diff.before': 'Verzija od {time}',
  'diff.after': 'Ova verzija',
  'diff.empty': '(prazno)',
  'value.yes': 'Da',
  'value.no': 'Ne',
  'restore.version': 'Vrati ovu verziju',
  'restore.field': 'Vrati ovo polje',
  'restore.fieldNamed': 'Vrati ovo polje: {field}',
  'restore.confirm.title': 'Vraćanje u nacrt',
  'restore.confirm.version':
    'U nacrt ove jezičke verzije vraćaju se sva polja onakva kakva su bila u verziji od {time}. Objavljena verzija se ne mijenja: objavite kada pregledate nacrt. Nesačuvane izmjene u obrascu se gube.',
  'restore.confirm.field':
    'U nacrt se vraća polje „{field}“ onakvo kakvo je bilo u verziji od {time}; ostala polja ostaju kakva jesu. Objavljena verzija se ne mijenja. Nesačuvane izmjene u obrascu se gube.',
  'restore.confirm.button': 'Vrati',
  'restore.done.version': 'Verzija od {time} vraćena je u nacrt.',
  'restore.done.field': 'Polje „{field}“ vraćeno je u nacrt.',
  'restore.refused': 'Nije vraćeno: {reason}',
};

const hr: Texts = {
  ...bs,
  'panel.title': 'Povijest',
  'panel.list': 'Zabilježene inačice, najnovija prva',
  'panel.empty': 'Još nije zabilježena nijedna promjena ove jezične inačice.',
  'panel.failed': 'Povijest se nije mogla učitati.',
  'panel.older': 'Prikaži starije inačice',
  'status.draft': 'Skica',
  'action.create': 'Izrađeno',
  'action.delete': 'Izbrisano',
  'action.discardDraft': 'Skica odbačena',
  'path.panel': 'u sučelju',
  'path.rest': 'putem API-ja',
  'path.graphql': 'putem GraphQL-a',
  'path.restore': 'vraćanjem iz povijesti',
  'path.system': 'od sustava',
  'actor.token': 'API token „{name}”',
  'version.title': 'Inačica od {time}',
  'version.failed': 'Ova se inačica nije mogla učitati.',
  'diff.compareTo': 'Uspoređeno s',
  'diff.previous': 'inačicom prije nje',
  'diff.compareHint': 'Što se promijenilo od inačice s kojom se uspoređuje do ove.',
  'diff.first': 'Prva zabilježena inačica: sva polja onako kako su napisana.',
  'diff.same': 'Nijedno se polje ne razlikuje od inačice s kojom se uspoređuje.',
  'diff.removal': 'Ova inačica bilježi da je objava ove jezične inačice povučena ili da je inačica izbrisana: nema sadržaja koji bi se prikazao ili vratio.',
  'diff.before': 'Inačica od {time}',
  'diff.after': 'Ova inačica',
  'restore.version': 'Vrati ovu inačicu',
  'restore.confirm.title': 'Vraćanje u skicu',
  'restore.confirm.version':
    'U skicu ove jezične inačice vraćaju se sva polja onakva kakva su bila u inačici od {time}. Objavljena inačica se ne mijenja: objavite kada pregledate skicu. Nespremljene promjene u obrascu se gube.',
  'restore.confirm.field':
    'U skicu se vraća polje „{field}” onakvo kakvo je bilo u inačici od {time}; ostala polja ostaju kakva jesu. Objavljena inačica se ne mijenja. Nespremljene promjene u obrascu se gube.',
  'restore.done.version': 'Inačica od {time} vraćena je u skicu.',
  'restore.done.field': 'Polje „{field}” vraćeno je u skicu.',
};

const srLatn: Texts = {
  ...bs,
  'panel.title': 'Istorija',
  'panel.failed': 'Istorija nije mogla da se učita.',
  'path.scheduler': 'zakazanim objavljivanjem',
  'path.restore': 'vraćanjem iz istorije',
  'version.failed': 'Ova verzija nije mogla da se učita.',
  'diff.compareTo': 'Upoređeno sa',
  'diff.compareHint': 'Šta se promijenilo od verzije sa kojom se upoređuje do ove.',
  'diff.same': 'Nijedno polje se ne razlikuje od verzije sa kojom se upoređuje.',
  'diff.removal': 'Ova verzija bilježi da je objavljivanje ove jezičke verzije povučeno ili da je verzija obrisana: nema sadržaja koji bi se prikazao ili vratio.',
  'diff.added': 'dodato',
};

const prefixed = (texts: Texts): Texts => Object.fromEntries(Object.entries(texts).map(([id, text]) => [`content-history.${id}`, text]));

const english: Texts = Object.fromEntries(Object.values(messages).map(({ id, defaultMessage }) => [id, defaultMessage]));

/** Every message of the panel, by interface language. */
export const historyTranslations: Record<string, Texts> = {
  en: english,
  bs: prefixed(bs),
  hr: prefixed(hr),
  'sr-Latn': prefixed(srLatn),
  'sr-Cyrl': messagesToCyrillic(prefixed(srLatn)),
};
