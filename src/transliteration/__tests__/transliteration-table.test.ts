/**
 * The transliteration table: Serbian Latin and the Cyrillic a careful editor would write.
 * Written by hand, not produced by the code under test.
 */
import { toCyrillic, toLatin, transliterateBlocks } from '../index';

const TABLE: Array<[string, string]> = [
  // the 21 SPIS places and the workshop venues
  ['Čelinac', 'Челинац'],
  ['Derventa', 'Дервента'],
  ['Gacko', 'Гацко'],
  ['Kupres', 'Купрес'],
  ['Mrkonjić Grad', 'Мркоњић Град'],
  ['Posušje', 'Посушје'],
  ['Prnjavor', 'Прњавор'],
  ['Tešanj', 'Тешањ'],
  ['Velika Kladuša', 'Велика Кладуша'],
  ['Brčko distrikt', 'Брчко дистрикт'],
  ['Bileća', 'Билећа'],
  ['Laktaši', 'Лакташи'],
  ['Livno', 'Ливно'],
  ['Kotor Varoš', 'Котор Варош'],
  ['Novi Grad', 'Нови Град'],
  ['Novi Travnik', 'Нови Травник'],
  ['Sanski Most', 'Сански Мост'],
  ['Stolac', 'Столац'],
  ['Višegrad', 'Вишеград'],
  ['Gornji Vakuf-Uskoplje', 'Горњи Вакуф-Ускопље'],
  ['Teslić', 'Теслић'],
  ['Sarajevo', 'Сарајево'],
  ['Tuzla', 'Тузла'],
  ['Jajce', 'Јајце'],
  ['Mostar', 'Мостар'],
  // more places with every special letter
  ['Banja Luka', 'Бања Лука'],
  ['Bijeljina', 'Бијељина'],
  ['Trebinje', 'Требиње'],
  ['Foča', 'Фоча'],
  ['Goražde', 'Горажде'],
  ['Ljubinje', 'Љубиње'],
  ['Nevesinje', 'Невесиње'],
  ['Šamac', 'Шамац'],
  ['Žepče', 'Жепче'],
  ['Đurđevik', 'Ђурђевик'],
  ['Zvornik', 'Зворник'],
  ['Ugljevik', 'Угљевик'],
  ['Čajniče', 'Чајниче'],
  // the digraphs as single letters
  ['ljubav', 'љубав'],
  ['ljudi', 'људи'],
  ['njiva', 'њива'],
  ['knjiga', 'књига'],
  ['konj', 'коњ'],
  ['džep', 'џеп'],
  ['džamija', 'џамија'],
  ['hodža', 'хоџа'],
  ['pružatelj', 'пружатељ'],
  ['ranjiv', 'рањив'],
  ['vidljivost', 'видљивост'],
  ['saradnja', 'сарадња'],
  ['ljudska', 'људска'],
  ['Njegoš', 'Његош'],
  // capitals: title case and all caps
  ['Ljubav', 'Љубав'],
  ['LJUBAV', 'ЉУБАВ'],
  ['Njiva', 'Њива'],
  ['NJIVA', 'ЊИВА'],
  ['Džep', 'Џеп'],
  ['DŽEP', 'ЏЕП'],
  ['LJUBLJANA', 'ЉУБЉАНА'],
  ['ČELINAC', 'ЧЕЛИНАЦ'],
  // the one-character digraph letters
  ['ǉubav', 'љубав'],
  ['ǌiva', 'њива'],
  ['ǆep', 'џеп'],
  ['ǈubav', 'Љубав'],
  ['ǋiva', 'Њива'],
  ['ǅep', 'Џеп'],
  // two letters where a prefix or a foreign stem joins them
  ['nadživjeti', 'надживјети'],
  ['nadživio', 'надживио'],
  ['podžanr', 'поджанр'],
  ['odžaliti', 'оджалити'],
  ['odživjeti', 'одживјети'],
  ['predživotni', 'предживотни'],
  ['konjunkcija', 'конјункција'],
  ['konjunktura', 'конјунктура'],
  ['konjugacija', 'конјугација'],
  ['injekcija', 'инјекција'],
  ['injektor', 'инјектор'],
  ['injunkcija', 'инјункција'],
  ['vanjezički', 'ванјезички'],
  ['NADŽIVJETI', 'НАДЖИВЈЕТИ'],
  ['Konjunkcija', 'Конјункција'],
  // ijekavian dj is д + ј, not ђ
  ['gdje', 'гдје'],
  ['djeca', 'дјеца'],
  ['djece', 'дјеце'],
  ['djeteta', 'дјетета'],
  ['dijete', 'дијете'],
  ['nedjelja', 'недјеља'],
  ['Gdje', 'Гдје'],
  ['vjerujem', 'вјерујем'],
  ['razmjena', 'размјена'],
  ['svijest', 'свијест'],
  // everyday words of the sources
  ['socijalne', 'социјалне'],
  ['zaštite', 'заштите'],
  ['inkluzije', 'инклузије'],
  ['jačanje', 'јачање'],
  ['sistema', 'система'],
  ['općina', 'опћина'],
  ['opština', 'општина'],
  ['radionica', 'радионица'],
  ['predstavnica', 'представница'],
  ['ministarstvo', 'министарство'],
  ['civilnih', 'цивилних'],
  ['poslova', 'послова'],
  ['porodica', 'породица'],
  ['međunarodni', 'међународни'],
  ['Đorđe', 'Ђорђе'],
  ['ćup', 'ћуп'],
  ['đak', 'ђак'],
  ['država', 'држава'],
  ['društvo', 'друштво'],
  ['čovjek', 'човјек'],
  ['škola', 'школа'],
  ['učenik', 'ученик'],
  ['Federacija', 'Федерација'],
  ['Republika Srpska', 'Република Српска'],
  ['kanton', 'кантон'],
  ['usluga', 'услуга'],
  ['kapaciteta', 'капацитета'],
  ['pristup', 'приступ'],
  ['potrebama', 'потребама'],
  // acronyms: the ones usage keeps in Latin, and BiH, which the sources write БиХ
  ['UNICEF', 'UNICEF'],
  ['EU', 'EU'],
  ['IPA', 'IPA'],
  ['SPIS', 'SPIS'],
  ['BiH', 'БиХ'],
  // words with letters Serbian does not have stay whole
  ['WHO', 'WHO'],
  ['Wi-Fi', 'Wi-Fi'],
  ['Xerox', 'Xerox'],
];

describe('Latin → Cyrillic', () => {
  it('holds at least 100 words', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(100);
  });

  it.each(TABLE)('%s → %s', (latin, cyrillic) => {
    expect(toCyrillic(latin)).toBe(cyrillic);
  });
});

describe('Cyrillic → Latin', () => {
  // Every Cyrillic spelling reads back as the Latin one, except where Latin had a choice.
  const reversible = TABLE.filter(([latin, cyrillic]) => latin !== cyrillic && !/[ǉǌǆǈǋǅ]/.test(latin) && latin !== 'LJUBLJANA' && latin !== 'NADŽIVJETI');
  it.each(reversible)('%s ← %s', (latin, cyrillic) => {
    expect(toLatin(cyrillic)).toBe(latin);
  });

  it('writes all-caps digraphs in capitals', () => {
    expect(toLatin('ЉУБЉАНА')).toBe('LJUBLJANA');
    expect(toLatin('НАДЖИВЈЕТИ')).toBe('NADŽIVJETI');
  });
});

describe('whole texts', () => {
  it('writes the programme name exactly as the Cyrillic title of seed 004', () => {
    expect(toCyrillic('Jačanje sistema socijalne zaštite i inkluzije djece u BiH')).toBe('Јачање система социјалне заштите и инклузије дјеце у БиХ');
  });

  it('keeps URLs, e-mail addresses and code', () => {
    expect(toCyrillic('Pišite na dunja.smitran@mcp.gov.ba ili posjetite https://www.unicef.org/bih/ ili www.mcp.gov.ba.')).toBe(
      'Пишите на dunja.smitran@mcp.gov.ba или посјетите https://www.unicef.org/bih/ или www.mcp.gov.ba.'
    );
    expect(toCyrillic('Pokrenite `npm run seed` jednom.')).toBe('Покрените `npm run seed` једном.');
  });

  it('keeps punctuation, digits and spacing', () => {
    expect(toCyrillic('Sarajevo, 20.02.2012. – „Za svako dijete“ (UNICEF)')).toBe('Сарајево, 20.02.2012. – „За свако дијете“ (UNICEF)');
  });

  it('leaves Cyrillic text as it is', () => {
    expect(toCyrillic('Челинац и Čelinac')).toBe('Челинац и Челинац');
  });
});

describe('blocks', () => {
  it('converts text nodes one by one and keeps code and link targets', () => {
    const blocks = [
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Ciljne grupe' },
          { type: 'link', url: 'https://spis.ba/djeca', children: [{ type: 'text', text: 'djeca' }] },
        ],
      },
      { type: 'code', children: [{ type: 'text', text: 'const djeca = 1;' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'npm ci', code: true }] },
    ];
    expect(transliterateBlocks(blocks, toCyrillic)).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Циљне групе' },
          { type: 'link', url: 'https://spis.ba/djeca', children: [{ type: 'text', text: 'дјеца' }] },
        ],
      },
      { type: 'code', children: [{ type: 'text', text: 'const djeca = 1;' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'npm ci', code: true }] },
    ]);
  });
});
