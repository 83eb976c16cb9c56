/** Kazakh — the primary language of the interface; ru.ts and en.ts must have the same keys. */
export const kk = {
  app: {
    name: 'Kezek / Кезек',
    tagline: 'Мектепке дейінгі ұйымдарға кезек',
    skipToContent: 'Негізгі мазмұнға өту',
    documentTitle: '{{page}} — Kezek',
  },
  nav: {
    label: 'Негізгі мәзір',
    home: 'Басты бет',
    kindergartens: 'Балабақшалар',
  },
  language: {
    label: 'Тіл',
    kk: 'Қазақша',
    ru: 'Русский',
    en: 'English',
  },
  groupLanguage: {
    kk: 'қазақ тілі',
    ru: 'орыс тілі',
    en: 'ағылшын тілі',
  },
  status: {
    loading: 'Жүктелуде…',
    errorTitle: 'Деректерді жүктеу мүмкін болмады',
    errorNetwork: 'Серверге қосылу мүмкін болмады. Интернет байланысын тексеріп, қайталап көріңіз.',
    errorServer: 'Сервер сұрауды орындай алмады. Біраз уақыттан кейін қайталап көріңіз.',
    errorRequest: 'Сұрау қабылданбады.',
    errorCode: 'Қате коды: {{code}}',
    retry: 'Қайталау',
  },
  home: {
    title: 'Балабақшаға кезек: ашық деректер',
    intro:
      'Өңірлер мен аудандар бойынша балабақшалар, топтар, орындар және кезек туралы иесіздендірілген деректер.',
    asOf: 'Деректердің жаңартылған уақыты: {{date}}',
    totalsHeading: 'Жалпы көрсеткіштер',
    regionsHeading: 'Өңірлер мен аудандар',
    regionCaption: '{{region}}: аудандар бойынша',
    district: 'Аудан',
    total: 'Барлығы',
    empty: 'Әзірге деректер жоқ. Балабақшалар мен өтініштер тіркелгеннен кейін көрсеткіштер осында шығады.',
    toList: 'Балабақшалар тізіміне өту',
  },
  figures: {
    kindergartens: 'Балабақшалар',
    groups: 'Топтар',
    capacity: 'Орындар',
    queued: 'Кезекте',
    pending: 'Тексеруді күтуде',
    capacityHint: 'топтардағы орындардың жалпы саны',
    queuedHint: 'кезекте тұрған өтініштер',
    pendingHint: 'құжаттары тексерілуі тиіс өтініштер',
  },
  kindergartens: {
    title: 'Балабақшалар',
    intro: 'Мектепке дейінгі ұйымдардың тізімі. Аудан, меншік нысаны, топ тілі немесе атауы бойынша іздеңіз.',
    filters: 'Сүзгілер',
    district: 'Аудан',
    allDistricts: 'Барлық аудандар',
    ownership: 'Меншік нысаны',
    anyOwnership: 'Кез келген',
    state: 'Мемлекеттік',
    private: 'Жекеменшік',
    language: 'Топ тілі',
    anyLanguage: 'Кез келген тіл',
    search: 'Атауы бойынша іздеу',
    searchButton: 'Іздеу',
    clearFilters: 'Сүзгілерді тазалау',
    found_one: 'Табылғаны: {{n}} балабақша',
    found_other: 'Табылғаны: {{n}} балабақша',
    tableCaption: 'Балабақшалар тізімі',
    name: 'Атауы',
    bin: 'БСН',
    address: 'Мекенжайы',
    languages: 'Топ тілдері',
    stateOrder: 'Мемлекеттік тапсырыс',
    empty: 'Сүзгілерге сәйкес балабақша табылмады.',
    emptyHint: 'Сүзгілерді өзгертіп немесе тазалап көріңіз.',
    pageEmpty: 'Бұл бетте нәтиже жоқ.',
    toFirstPage: 'Бірінші бетке өту',
  },
  pagination: {
    label: 'Беттер',
    previous: 'Алдыңғы',
    next: 'Келесі',
    pageOf: '{{pages}} беттің {{page}}-беті',
  },
  notFound: {
    title: 'Бет табылмады',
    text: 'Мұндай бет жоқ немесе ол басқа мекенжайға көшірілген.',
    home: 'Басты бетке оралу',
  },
  footer: {
    about:
      'Kezek — мектепке дейінгі білім беру саласындағы мемлекеттік көрсетілетін қызметтердің ашық бастапқы кодты жүйесі.',
    license: 'Apache-2.0 лицензиясы',
    data: 'Жарияланған деректерде дербес мәліметтер жоқ.',
  },
};

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

/** The shape every language must fill; Russian adds its own plural forms (`_few`, `_many`). */
export type Messages = DeepStrings<typeof kk>;
