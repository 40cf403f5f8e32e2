/**
 * The fictional Region Mittland: its divisions, cost centres, chart of accounts, savings
 * measures and programmes. Names follow Swedish regions' usage (Region-Bas-like accounts);
 * magnitudes follow /work/shared/domain.md. Everything here is data; generate.ts draws
 * the numbers.
 */

export const REGION = "Region Mittland";
export const YEAR = 2024;

export const MONTH_NAMES = [
  "Januari",
  "Februari",
  "Mars",
  "April",
  "Maj",
  "Juni",
  "Juli",
  "Augusti",
  "September",
  "Oktober",
  "November",
  "December",
] as const;

export const MONTH_SHORT = ["Jan", "Feb", "Mar", "Apr", "Maj", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dec"] as const;

export type DivisionKey = "SV" | "PV" | "PS";

/**
 * What a cost centre does, which decides the accounts it books on:
 * care = buys care from other regions (köpt vård), sells = sells care, patients = charges
 * patient fees, hd/hn/ho = hires doctors/nurses/other staff, consult = uses consultants,
 * rural = a rural health centre that depends on hired doctors.
 */
export type Trait = "care" | "sells" | "patients" | "hd" | "hn" | "ho" | "consult" | "rural";

export interface CostCentreProfile {
  readonly name: string;
  readonly traits: readonly Trait[];
}

/** The kind of an account decides its sign (income negative) and seasonality. */
export type AccountKind = "income" | "staff" | "hired" | "purchase" | "premises" | "other" | "depreciation";

export type Category =
  | "Intäkter"
  | "Personalkostnader"
  | "Inhyrd personal"
  | "Konsulter"
  | "Köpt vård"
  | "Läkemedel"
  | "Material"
  | "Lokaler"
  | "Övriga kostnader"
  | "Avskrivningar";

export interface AccountDef {
  readonly number: number;
  readonly name: string;
  readonly category: Category;
  readonly kind: AccountKind;
  /** A cost centre books on this account when it has the trait; undefined = see `chance`. */
  readonly trait?: Trait;
  /** Probability a cost centre without the trait still books here (0 = never, 1 = always). */
  readonly chance: number;
}

export const ACCOUNTS: readonly AccountDef[] = [
  { number: 3010, name: "Patientavgifter", category: "Intäkter", kind: "income", trait: "patients", chance: 0 },
  { number: 3510, name: "Försäljning av vård", category: "Intäkter", kind: "income", trait: "sells", chance: 0.35 },
  { number: 3910, name: "Övriga intäkter", category: "Intäkter", kind: "income", chance: 0.45 },
  { number: 4010, name: "Köpt vård", category: "Köpt vård", kind: "purchase", trait: "care", chance: 0 },
  { number: 4510, name: "Läkemedel", category: "Läkemedel", kind: "purchase", chance: 0.9 },
  { number: 4610, name: "Sjukvårdsmaterial", category: "Material", kind: "purchase", chance: 1 },
  { number: 5010, name: "Lokalhyra", category: "Lokaler", kind: "premises", chance: 1 },
  { number: 5110, name: "Städning", category: "Lokaler", kind: "premises", chance: 0.85 },
  { number: 5410, name: "Förbrukningsinventarier", category: "Övriga kostnader", kind: "other", chance: 0.7 },
  { number: 5810, name: "Resor", category: "Övriga kostnader", kind: "other", chance: 0.55 },
  { number: 6110, name: "Kontorsmateriel", category: "Övriga kostnader", kind: "other", chance: 1 },
  { number: 6210, name: "Telefon och data", category: "Övriga kostnader", kind: "other", chance: 1 },
  { number: 6310, name: "Försäkringar", category: "Övriga kostnader", kind: "other", chance: 0.5 },
  { number: 6550, name: "Konsultarvoden", category: "Konsulter", kind: "other", trait: "consult", chance: 0.45 },
  { number: 6560, name: "IT-konsulter", category: "Konsulter", kind: "other", chance: 0.25 },
  { number: 6810, name: "Inhyrda läkare", category: "Inhyrd personal", kind: "hired", trait: "hd", chance: 0 },
  { number: 6820, name: "Inhyrda sjuksköterskor", category: "Inhyrd personal", kind: "hired", trait: "hn", chance: 0 },
  { number: 6830, name: "Övrig inhyrd personal", category: "Inhyrd personal", kind: "hired", trait: "ho", chance: 0.1 },
  { number: 7010, name: "Löner läkare", category: "Personalkostnader", kind: "staff", chance: 1 },
  { number: 7011, name: "Löner sjuksköterskor", category: "Personalkostnader", kind: "staff", chance: 1 },
  { number: 7012, name: "Löner undersköterskor", category: "Personalkostnader", kind: "staff", chance: 1 },
  { number: 7013, name: "Löner övrig personal", category: "Personalkostnader", kind: "staff", chance: 1 },
  { number: 7082, name: "Övertid och jour", category: "Personalkostnader", kind: "staff", chance: 0.85 },
  { number: 7410, name: "Pensionskostnader", category: "Personalkostnader", kind: "staff", chance: 1 },
  { number: 7510, name: "Arbetsgivaravgifter", category: "Personalkostnader", kind: "staff", chance: 1 },
  { number: 7610, name: "Utbildning", category: "Personalkostnader", kind: "staff", chance: 0.8 },
  { number: 7830, name: "Avskrivningar", category: "Avskrivningar", kind: "depreciation", chance: 0.9 },
];

export interface DivisionDef {
  readonly key: DivisionKey;
  readonly name: string;
  /** First digits of the cost-centre codes (41010, 41020, …). */
  readonly codePrefix: number;
  /** Prior-year costs in tkr (income not included). */
  readonly annualCost: number;
  /** Own staff (7010–7610) as a share of costs. */
  readonly ownStaffShare: number;
  /**
   * Prior-year hired-staff costs as shares of all costs. Chosen so that after this
   * year's measures the actual share of own staff costs lands where domain.md puts it
   * (specialist care 3–4 %, primary care 7–9 %, psychiatry about 5 %).
   */
  readonly hired: Readonly<Record<number, number>>;
  /** Income as shares of costs (positive here; written negative). */
  readonly income: Readonly<Record<number, number>>;
  /** Relative weights of the own-staff accounts. */
  readonly staffWeights: Readonly<Record<number, number>>;
  /** Relative weights of the remaining cost accounts (purchases, premises, other). */
  readonly otherWeights: Readonly<Record<number, number>>;
  /** Extra weight of rural health centres on hired doctors (primary care only). */
  readonly ruralHiredWeight: number;
  readonly costCentres: readonly CostCentreProfile[];
}

const cc = (name: string, ...traits: Trait[]): CostCentreProfile => ({ name, traits });

export const DIVISIONS: readonly DivisionDef[] = [
  {
    key: "SV",
    name: "Specialistvård",
    codePrefix: 41,
    annualCost: 6_000_000,
    ownStaffShare: 0.575,
    hired: { 6810: 0.0205, 6820: 0.012, 6830: 0.0022 },
    income: { 3010: 0.012, 3510: 0.05, 3910: 0.01 },
    staffWeights: { 7010: 14, 7011: 12.5, 7012: 7, 7013: 6, 7082: 2.5, 7410: 2.5, 7510: 13, 7610: 0.5 },
    otherWeights: {
      4010: 8, 4510: 10, 4610: 7, 5010: 5, 5110: 1, 5410: 1, 5810: 0.3, 6110: 0.3, 6210: 1.2, 6310: 0.4, 6550: 1, 6560: 0.5, 7830: 3,
    },
    ruralHiredWeight: 1,
    costCentres: [
      cc("Kirurgi", "care", "sells", "hd", "hn", "patients"),
      cc("Ortopedi", "care", "sells", "hd", "patients"),
      cc("Medicin", "care", "hd", "hn", "patients"),
      cc("Kardiologi", "care", "sells", "hd", "patients"),
      cc("Akutmottagning", "hd", "hn", "ho", "patients"),
      cc("Anestesi och intensivvård", "hd", "hn"),
      cc("Röntgen", "hd", "sells", "consult"),
      cc("Laboratoriemedicin", "sells", "consult"),
      cc("Kvinnosjukvård", "care", "hn", "patients"),
      cc("Barn- och ungdomsmedicin", "care", "hd", "patients"),
      cc("Onkologi", "care", "hd", "patients"),
      cc("Neurologi", "care", "hd", "patients"),
      cc("Ögonsjukvård", "care", "sells", "hd", "patients"),
      cc("Öron-näsa-hals", "care", "patients"),
      cc("Urologi", "care", "hd", "patients"),
      cc("Infektion", "hd", "patients"),
      cc("Geriatrik", "hd", "hn", "ho"),
      cc("Rehabilitering", "patients", "ho"),
      cc("Operation", "hn", "ho"),
      cc("Sterilteknik", "ho"),
    ],
  },
  {
    key: "PV",
    name: "Primärvård",
    codePrefix: 51,
    annualCost: 1_500_000,
    ownStaffShare: 0.57,
    hired: { 6810: 0.046, 6820: 0.0068, 6830: 0.0023 },
    income: { 3010: 0.03, 3510: 0.02, 3910: 0.01 },
    staffWeights: { 7010: 12, 7011: 11, 7012: 5, 7013: 9, 7082: 1, 7410: 2.5, 7510: 13, 7610: 0.6 },
    otherWeights: {
      4510: 9, 4610: 4, 5010: 7, 5110: 1.5, 5410: 1, 5810: 0.6, 6110: 0.5, 6210: 2, 6310: 0.4, 6550: 0.4, 6560: 0.3, 7830: 1.5,
    },
    ruralHiredWeight: 5,
    costCentres: [
      cc("Vårdcentralen Centrum", "patients", "sells", "hn"),
      cc("Vårdcentralen Norrby", "patients", "hd"),
      cc("Vårdcentralen Söderby", "patients", "sells"),
      cc("Vårdcentralen Björkdal", "patients", "hd", "hn", "rural"),
      cc("Vårdcentralen Åsbacka", "patients", "hd", "rural"),
      cc("Vårdcentralen Lindås", "patients", "sells"),
      cc("Vårdcentralen Hedby", "patients", "hd", "ho", "rural"),
      cc("Vårdcentralen Strömsund", "patients", "hd", "hn"),
      cc("Vårdcentralen Lövsjö", "patients", "hd", "hn", "rural"),
      cc("Vårdcentralen Tallmo", "patients", "hd", "rural"),
      cc("Vårdcentralen Västra Ed", "patients", "sells", "hd"),
      cc("Vårdcentralen Fjällby", "patients", "hd", "hn", "ho", "rural"),
    ],
  },
  {
    key: "PS",
    name: "Psykiatri",
    codePrefix: 61,
    annualCost: 900_000,
    ownStaffShare: 0.6,
    hired: { 6810: 0.022, 6820: 0.0106, 6830: 0.003 },
    income: { 3010: 0.005, 3510: 0.04, 3910: 0.01 },
    staffWeights: { 7010: 11, 7011: 11, 7012: 9, 7013: 10, 7082: 2, 7410: 2.5, 7510: 13, 7610: 0.6 },
    otherWeights: {
      4010: 6, 4510: 5, 4610: 1, 5010: 8, 5110: 1.5, 5410: 0.8, 5810: 0.5, 6110: 0.4, 6210: 1.5, 6310: 0.4, 6550: 0.8, 6560: 0.4, 7830: 1.5,
    },
    ruralHiredWeight: 1,
    costCentres: [
      cc("Vuxenpsykiatri", "care", "hd", "hn", "patients", "sells"),
      cc("Barn- och ungdomspsykiatri", "care", "hd", "patients"),
      cc("Rättspsykiatri", "care", "hd", "hn", "ho", "sells"),
      cc("Beroendevård", "hd", "patients"),
      cc("Psykiatrisk akutmottagning", "hd", "hn", "patients"),
      cc("Ätstörningsenheten", "patients", "hn"),
      cc("Psykossjukdomar", "hd", "ho"),
      cc("Affektiva sjukdomar", "hd", "patients"),
    ],
  },
];

export interface MeasureDef {
  readonly id: string;
  readonly description: string;
  /** Division name as written on the measures sheet (may be one the reports do not have). */
  readonly division: string;
  readonly programme: string;
  /** As written in the `Konton` cell: a number for one account, text for ranges and lists. */
  readonly links: number | string;
  /** The account numbers the links cover, for generating the effect. */
  readonly accounts: readonly number[];
  readonly plannedAnnual: number;
  /** 1–12 in YEAR. */
  readonly startMonth: number;
  readonly owner: string;
  readonly status: "Pågår" | "Ej startad" | "Genomförd";
  readonly comment: string;
  /** Planned effect per month (index 0 = January), when the plan is not even from the start month. */
  readonly phasing?: readonly number[];
  /**
   * How much of the planned effect the data realises (1 = as planned). Intent, not exact
   * truth: growth and noise on the touched rows blur it.
   */
  readonly achievement: number | null;
}

export const PROGRAMME_SV = "Kostnadsreduceringar specialistvård";
export const PROGRAMME_HIRED = "Oberoende av hyrpersonal";

export const MEASURES: readonly MeasureDef[] = [
  {
    id: "SV-01",
    description: "Minskad inhyrd läkarbemanning",
    division: "Specialistvård",
    programme: PROGRAMME_SV,
    links: 6810,
    accounts: [6810],
    plannedAnnual: 60_000,
    startMonth: 2,
    owner: "Divisionschef specialistvård",
    status: "Pågår",
    comment: "Egna specialister rekryterade till akuten och medicin",
    achievement: 1.05,
  },
  {
    id: "SV-02",
    description: "Minskad inhyrd sjuksköterskebemanning",
    division: "Specialistvård",
    programme: PROGRAMME_SV,
    links: 6820,
    accounts: [6820],
    plannedAnnual: 40_000,
    startMonth: 3,
    owner: "Chefssjuksköterska specialistvård",
    status: "Pågår",
    comment: "Resursenhet med egna sjuksköterskor startad",
    achievement: 0.95,
  },
  {
    id: "SV-03",
    description: "Särskild prövning av konsultinköp",
    division: "Specialistvård",
    programme: PROGRAMME_SV,
    links: "6550-6559",
    accounts: [6550],
    plannedAnnual: 25_000,
    startMonth: 1,
    owner: "Ekonomidirektör",
    status: "Pågår",
    comment: "Alla nya konsultavtal prövas av ledningsgruppen",
    achievement: 0.7,
  },
  {
    id: "SV-04",
    description: "Prövning av nyanställningar",
    division: "Specialistvård",
    programme: PROGRAMME_SV,
    links: "7010-7013",
    accounts: [7010, 7011, 7012, 7013],
    plannedAnnual: 80_000,
    startMonth: 4,
    owner: "HR-direktör",
    status: "Pågår",
    comment: "Undantag för vårdnära tjänster gör effekten lägre",
    achievement: 0.45,
  },
  {
    id: "SV-05",
    description: "Hemtagning av köpt vård",
    division: "Specialistvård",
    programme: PROGRAMME_SV,
    links: 4010,
    accounts: [4010],
    plannedAnnual: 50_000,
    startMonth: 5,
    owner: "Hälso- och sjukvårdsdirektör",
    status: "Pågår",
    comment: "Upptrappning i takt med att egen kapacitet byggs upp",
    phasing: [0, 0, 0, 0, 1_000, 2_000, 3_000, 4_000, 4_167, 4_167, 4_167, 4_167],
    achievement: 0.9,
  },
  {
    id: "SV-06",
    description: "Läkemedelsupphandling",
    division: "Specialistvård",
    programme: PROGRAMME_SV,
    links: 4510,
    accounts: [4510],
    plannedAnnual: 45_000,
    startMonth: 3,
    owner: "Läkemedelschef",
    status: "Genomförd",
    comment: "Nytt avtal gäller från mars",
    achievement: 1.0,
  },
  {
    id: "SV-07",
    description: "Samlokalisering av lokaler",
    division: "Specialistvård",
    programme: PROGRAMME_SV,
    links: 5010,
    accounts: [5010],
    plannedAnnual: 30_000,
    startMonth: 9,
    owner: "Fastighetschef",
    status: "Pågår",
    comment: "Flytten av mottagningarna till hus 5 är försenad",
    achievement: 0.3,
  },
  {
    id: "SV-08",
    description: "Minskad administration",
    division: "Specialistvård",
    programme: PROGRAMME_SV,
    links: "6110;6210",
    accounts: [6110, 6210],
    plannedAnnual: 20_000,
    startMonth: 11,
    owner: "Regiondirektör",
    status: "Ej startad",
    comment: "Startar i november",
    achievement: null,
  },
  {
    id: "PV-01",
    description: "Egna specialister i allmänmedicin",
    division: "Primärvård",
    programme: PROGRAMME_HIRED,
    links: 6810,
    accounts: [6810],
    plannedAnnual: 18_000,
    startMonth: 1,
    owner: "Primärvårdsdirektör",
    status: "Pågår",
    comment: "ST-läkare på landsbygdens vårdcentraler",
    achievement: 0.8,
  },
  {
    id: "PS-01",
    description: "Psykiatri hyrläkare",
    division: "Psykiatri",
    programme: PROGRAMME_HIRED,
    links: 6810,
    accounts: [6810],
    plannedAnnual: 8_000,
    startMonth: 6,
    owner: "Divisionschef psykiatri",
    status: "Pågår",
    comment: "Två överläkare anställda från juni",
    achievement: 0.6,
  },
  {
    id: "PS-02",
    description: "Psykiatri hyrsjuksköterskor",
    division: "Psykiatri",
    programme: PROGRAMME_HIRED,
    links: 6820,
    accounts: [6820],
    plannedAnnual: 4_000,
    startMonth: 4,
    owner: "Verksamhetschef vuxenpsykiatri",
    status: "Genomförd",
    comment: "Avtal med bemanningsföretag avslutat",
    achievement: 1.0,
  },
  {
    id: "HAB-01",
    description: "Minskad hyrpersonal habilitering",
    division: "Habilitering",
    programme: PROGRAMME_HIRED,
    links: 6830,
    accounts: [6830],
    plannedAnnual: 4_000,
    startMonth: 4,
    owner: "Verksamhetschef habilitering",
    status: "Pågår",
    comment: "Ny verksamhet från 2024",
    achievement: null,
  },
];

export interface ProgrammeDef {
  readonly name: string;
  readonly target: number;
  readonly comment: string;
}

export const PROGRAMMES: readonly ProgrammeDef[] = [
  {
    name: PROGRAMME_SV,
    target: 350_000,
    comment: "Beslut HSN 2023-11-21 § 112: kostnadsreduceringar i specialistvården för en ekonomi i balans",
  },
  {
    name: PROGRAMME_HIRED,
    target: 40_000,
    comment: "Beslut HSN 2024-02-13 § 18: regionens del i det nationella arbetet för oberoende av hyrpersonal",
  },
];

/** The settings sheet: `Inställning | Värde`; percentages as fractions with a % format. */
export const SETTINGS: readonly (readonly [string, string | number, string?])[] = [
  ["Enhet", "tkr"],
  ["Teckenkonvention", "kostnader positiva"],
  ["Mål hyrpersonal", 0.02, "0%"],
  ["Nämnare hyrpersonal", "egen personal"],
  ["Grön från", 0.9, "0%"],
  ["Gul från", 0.5, "0%"],
  ["Kommentarsgräns belopp", 500, "#,##0"],
  ["Kommentarsgräns andel", 0.1, "0%"],
];

/** Comments controllers write on large variances, by what the row is and which way it went. */
export const COMMENTS: Readonly<Record<Category, { readonly over: readonly string[]; readonly under: readonly string[] }>> = {
  Intäkter: {
    // Income is negative: "over" = less income than budgeted.
    over: ["Lägre vårdvolymer än budgeterat", "Färre utomlänspatienter", "Fakturering försenad, kommer nästa månad"],
    under: ["Fler utomlänspatienter än budgeterat", "Engångsintäkt statsbidrag", "Retroaktiv ersättning från annan region"],
  },
  Personalkostnader: {
    over: [
      "Retroaktiv lönejustering",
      "Hög sjukfrånvaro, vikarier inkallade",
      "Fler vårdplatser öppna än budgeterat",
      "Övertid för att korta vårdköer",
    ],
    under: ["Vakanta tjänster", "Lägre bemanning än budgeterat under rekrytering", "Föräldraledigheter ej ersatta"],
  },
  "Inhyrd personal": {
    over: ["Hyrläkare för att täcka vakanser", "Inhyrda sjuksköterskor under sommaren", "Bemanning av akuten vid hög belastning"],
    under: ["Egen rekrytering klar", "Avtal med bemanningsföretag avslutat"],
  },
  Konsulter: {
    over: ["Konsultstöd vid systembyte", "Utredning beställd av nämnden"],
    under: ["Uppdrag flyttat till hösten", "Konsultinköp stoppade"],
  },
  "Köpt vård": {
    over: ["Fler remisser till annan region", "Dyra utomlänsvårdtillfällen"],
    under: ["Färre utomlänsremisser", "Vård tagen hem till egen klinik"],
  },
  Läkemedel: {
    over: ["Nya dyra cancerläkemedel", "Fler patienter med biologiska läkemedel"],
    under: ["Rabatt enligt nytt avtal", "Leverans försenad"],
  },
  Material: {
    over: ["Engångsinköp av förbrukningsmaterial", "Prisökning på implantat"],
    under: ["Lageruppbyggnad i fjol", "Leverans försenad"],
  },
  Lokaler: {
    over: ["Retroaktiv hyresjustering", "Engångskostnad för flytt"],
    under: ["Hyresrabatt under ombyggnad", "Lokal uppsagd"],
  },
  "Övriga kostnader": {
    over: ["Periodiseringsfel, rättas nästa månad", "Engångskostnad utbildningsinsats", "Faktura avser föregående år"],
    under: ["Periodiseringsfel, rättas nästa månad", "Kostnad bokförd på annat ansvar"],
  },
  Avskrivningar: {
    over: ["Ny utrustning aktiverad"],
    under: ["Investering försenad"],
  },
};

/** Small talk on ordinary rows, so not every comment marks a large variance. */
export const ORDINARY_COMMENTS: readonly string[] = ["Enligt plan", "Periodiserat", "Se månadsrapportens text", "Följs upp nästa månad"];

export const README_LINES: readonly string[] = [
  "Region Mittland – månadsrapporter 2024",
  "",
  "Exempelarbetsbok för Balans. Alla namn och belopp är påhittade.",
  "Sample workbook for Balans. All names and amounts are fictitious.",
  "",
  "Månadsbladen är uttag ur ekonomisystemet, belopp i tkr, kostnader positiva och intäkter negativa.",
  "Åtgärder: regionens åtgärdsplan för ekonomi i balans. Program: programmens mål.",
  "Balans inställningar: hur Balans ska läsa arbetsboken.",
  "Kontakt: Ekonomistaben, Region Mittland",
];
