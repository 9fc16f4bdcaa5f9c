/**
 * The words of a typed draft title that are worth looking for in other titles. A long draft
 * compared as a whole scores low against a title that shares only its one important word, so
 * similar-topic hints also look for these words one by one (graphql/similar-topics.ts).
 */
export type SignificantWords = {
  /** Words that make a hint on their own. */
  distinctive: string[];
  /** Domain-common words: they add to a hint that a distinctive word made, never make one alone. */
  common: string[];
};

/** Each word costs a trigram comparison per candidate topic on every (debounced) keystroke. */
export const MAX_SIGNIFICANT_WORDS = 6;

/** Shorter words (prepositions, «для», «как», «при»…) match too much by trigrams to tell topics apart. */
const MIN_LETTERS = 4;

/** Function words of four letters or more; shorter ones are already dropped by MIN_LETTERS. */
const STOP_WORDS = new Set([
  // Russian
  "более", "будет", "быть", "вместе", "вместо", "внутри", "всего", "всех", "весь", "если", "есть",
  "зачем", "какая", "какие", "каких", "какой", "когда", "которая", "которое", "которые", "который",
  "которых", "кроме", "между", "менее", "можно", "надо", "нужно", "около", "очень", "перед", "после",
  "почему", "ради", "сами", "свои", "своих", "свой", "своей", "себя", "среди", "также", "того",
  "тоже", "через", "чтобы", "этих", "этого", "этой", "этом", "этот",
  // English
  "about", "after", "also", "before", "from", "have", "into", "more", "most", "only", "over", "some",
  "such", "than", "that", "their", "them", "then", "there", "these", "they", "this", "those", "under",
  "what", "when", "where", "which", "while", "will", "with", "your",
]);

/**
 * Stems of words that appear in so many titles of a public-service training centre that one of
 * them alone says nothing about a topic («Работа с заявителями» is not a duplicate of every topic
 * about applicants). A word counts as common when it is the stem plus an ending of at most
 * MAX_ENDING letters (заявител|ями, сотрудник|ами, работ|ник) — longer words are other words
 * (клиент|оориентированность) — or when it could still grow into one while being typed («сотр»).
 */
const DOMAIN_COMMON_STEMS = [
  "граждан", "госуслуг", "документ", "заявител", "клиент", "обучени", "оператор",
  "основ", "офис", "посетител", "работ", "работник", "сотрудник", "специалист", "услуг", "центр",
  "client", "customer", "service", "staff", "work",
];
const MAX_ENDING = 3;

/**
 * The draft's significant words, lower-cased, without repeats, in the order typed: distinctive
 * ones first, then common ones, at most MAX_SIGNIFICANT_WORDS in all.
 */
export function significantWords(draft: string): SignificantWords {
  const distinctive: string[] = [];
  const common: string[] = [];
  for (const word of new Set(words(draft))) {
    if (letterCount(word) < MIN_LETTERS || STOP_WORDS.has(comparable(word))) continue;
    (isDomainCommon(word) ? common : distinctive).push(word);
  }
  const kept = distinctive.slice(0, MAX_SIGNIFICANT_WORDS);
  return { distinctive: kept, common: common.slice(0, MAX_SIGNIFICANT_WORDS - kept.length) };
}

/** Runs of letters and digits, as pg_trgm splits words (so «стресс-менеджмент» is two words). */
function words(text: string): string[] {
  return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

function letterCount(word: string): number {
  return word.match(/\p{L}/gu)?.length ?? 0;
}

/** «ё» is often typed as «е»: compare lists in one spelling. */
function comparable(word: string): string {
  return word.replaceAll("ё", "е");
}

function isDomainCommon(word: string): boolean {
  const spelled = comparable(word);
  return DOMAIN_COMMON_STEMS.some((stem) =>
    spelled.startsWith(stem) ? spelled.length - stem.length <= MAX_ENDING : stem.startsWith(spelled),
  );
}
