/**
 * Made-up news articles for load tests, in the programme's own vocabulary, in every locale:
 * Bosnian, Croatian and Serbian Latin from one word list (with č ć đ š ž), Serbian Cyrillic
 * transliterated from the Serbian Latin text, English from its own. Deterministic: the same
 * index and seed give the same article, so benchmark runs compare like with like. Pure.
 */
import { toCyrillic } from '../transliteration';
import type { LocaleCode } from '../locales';

/** mulberry32: a small, fast PRNG with a seed, good enough to vary made-up text. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const LATIN = {
  subjects: ['Radionica', 'Sastanak', 'Okrugli sto', 'Obuka', 'Konferencija', 'Posjeta', 'Javna rasprava', 'Tribina'],
  topics: [
    'o socijalnoj zaštiti djece',
    'o inkluziji djece sa poteškoćama u razvoju',
    'o jačanju centara za socijalni rad',
    'o saradnji općina i udruženja',
    'o podršci porodicama',
    'o pravima djeteta',
    'o ranom razvoju djece',
    'o međusektorskoj saradnji',
  ],
  places: [
    'Čelincu',
    'Derventi',
    'Gacku',
    'Kupresu',
    'Posušju',
    'Prnjavoru',
    'Tešnju',
    'Velikoj Kladuši',
    'Mrkonjić Gradu',
    'Brčkom',
    'Bileći',
    'Laktašima',
    'Livnu',
    'Stocu',
    'Višegradu',
  ],
  sentences: [
    'Predstavnici općina, centara za socijalni rad i nevladinih organizacija razgovarali su o sljedećim koracima.',
    'Učesnici su razmijenili iskustva iz prethodne faze programa i dogovorili zajedničke prioritete.',
    'Posebna pažnja posvećena je djeci iz ranjivih porodica i njihovom pristupu uslugama.',
    'Program finansiraju Evropska unija i UNICEF, a provodi se u saradnji sa nadležnim ministarstvima.',
    'Radne grupe će do kraja mjeseca pripremiti preporuke za općinske akcione planove.',
    'Đaci, roditelji i nastavnici učestvovali su u radu i iznijeli svoje prijedloge.',
  ],
};

const ENGLISH = {
  subjects: ['Workshop', 'Meeting', 'Round table', 'Training', 'Conference', 'Visit', 'Public debate', 'Forum'],
  topics: [
    'on social protection of children',
    'on inclusion of children with disabilities',
    'on strengthening social work centres',
    'on cooperation of municipalities and NGOs',
    'on support to families',
    'on the rights of the child',
    'on early childhood development',
    'on cross-sector cooperation',
  ],
  places: [
    'Čelinac',
    'Derventa',
    'Gacko',
    'Kupres',
    'Posušje',
    'Prnjavor',
    'Tešanj',
    'Velika Kladuša',
    'Mrkonjić Grad',
    'Brčko',
    'Bileća',
    'Laktaši',
    'Livno',
    'Stolac',
    'Višegrad',
  ],
  sentences: [
    'Representatives of municipalities, social work centres and NGOs discussed the next steps.',
    'Participants shared experience from the previous phase and agreed on common priorities.',
    'Particular attention was paid to children from vulnerable families and their access to services.',
    'The programme is funded by the European Union and UNICEF and implemented with the competent ministries.',
    'Working groups will prepare recommendations for municipal action plans by the end of the month.',
    'Pupils, parents and teachers took part and put forward their proposals.',
  ],
};

export type SyntheticArticle = {
  title: string;
  slug: string;
  dateline: string;
  lead: string;
  body: { type: 'paragraph'; children: { type: 'text'; text: string }[] }[];
  publicationDate: string;
};

/** Article `index` in `locale`: the same facts (subject, topic, place, date) in every language. */
export function syntheticArticle(index: number, locale: LocaleCode, seed = 2008): SyntheticArticle {
  const random = seededRandom(seed * 1_000_003 + index);
  const choice = { subject: Math.floor(random() * 8), topic: Math.floor(random() * 8), place: Math.floor(random() * 15) };
  const day = new Date(Date.UTC(2008, 0, 1) + Math.floor(random() * 6_900) * 86_400_000);
  const sentences = Array.from({ length: 4 }, () => Math.floor(random() * 6));
  const words = locale === 'en' ? ENGLISH : LATIN;
  const write = locale === 'sr-Cyrl' ? toCyrillic : (text: string) => text;
  const place = words.places[choice.place];
  const title = `${words.subjects[choice.subject]} ${words.topics[choice.topic]} ${locale === 'en' ? 'in ' : 'u '}${place} (${index + 1})`;
  return {
    title: write(title),
    slug: `synthetic-${index + 1}-${locale.toLowerCase()}`,
    dateline: write(ENGLISH.places[choice.place]),
    lead: write(`${words.sentences[sentences[0]]} ${words.sentences[sentences[1]]}`),
    body: sentences.map((sentence) => ({ type: 'paragraph', children: [{ type: 'text', text: write(words.sentences[sentence]) }] })),
    publicationDate: day.toISOString().slice(0, 10),
  };
}
