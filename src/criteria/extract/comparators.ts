/**
 * Comparators as the criteria write them ("≥", ">=", "at least", "not more than", "or older"), shared
 * by the lab, age, performance-status and life-expectancy readers. A module of their own so the age
 * phrases (age-phrases.ts) can use them without importing the lab reader that uses the age phrases.
 */
export type Comparison = 'greaterThanInclusive' | 'greaterThan' | 'lessThanInclusive' | 'lessThan';

const GE_WORDS =
  'greater\\s+than\\s+or\\s+equals?(?:\\s+to)?|greater\\s+than\\s*/\\s*equal(?:\\s+to)?|greater\\s+or\\s+equal(?:\\s+to)?|equal\\s+(?:to\\s+)?or\\s+(?:greater|more|higher|above|over|older)(?:\\s+than)?|(?:more|higher|older|larger|bigger)\\s+than\\s+or\\s+equal(?:\\s+to)?|at\\s+least|not?\\s+(?:less|lower|fewer|smaller|younger)\\s+than|not\\s+below|(?:a\\s+)?minimum\\s+(?:of\\s+)?|over\\s+or\\s+equal(?:\\s+to)?|superior\\s+or\\s+equal(?:\\s+to)?';
const LE_WORDS =
  'less\\s+than\\s+or\\s+equals?(?:\\s+to)?|less\\s+than\\s*/\\s*equal(?:\\s+to)?|less\\s+or\\s+equal(?:\\s+to)?|lesser\\s+than\\s+or\\s+equal(?:\\s+to)?|equal\\s+(?:to\\s+)?or\\s+(?:less|lower|below|under|smaller|younger)(?:\\s+than)?|(?:lower|smaller|younger)\\s+than\\s+or\\s+equal(?:\\s+to)?|not?\\s+(?:more|greater|higher|older|larger)\\s+than|not\\s+(?:above|over)|(?:does\\s+)?not\\s+(?:to\\s+)?exceed(?:ing|s)?|at\\s+most|(?:a\\s+)?maximum\\s+(?:of\\s+)?|up\\s+to(?:\\s+and\\s+including)?|(?:below|inferior)\\s+or\\s+equal(?:\\s+to)?';
const GT_WORDS =
  '(?:greater|more|higher|older|larger|bigger|longer)\\s+than|above|over|exceed(?:ing|s)?|in\\s+excess\\s+of|superior\\s+to';
const LT_WORDS = '(?:less|lesser|lower|fewer|smaller|younger|shorter)\\s+than|below|under|inferior\\s+to';
const GE_SIGNS = '>\\s*=|=\\s*>|>\\s*/\\s*=|=\\s*/\\s*>|>\\s*or\\s*=|>\\s*or\\s+equal(?:\\s+to)?|&gt;\\s*=';
const LE_SIGNS = '<\\s*=|=\\s*<|<\\s*/\\s*=|=\\s*/\\s*<|<\\s*or\\s*=|<\\s*or\\s+equal(?:\\s+to)?|&lt;\\s*=';
/** A sign repeated in brackets after the words: "greater than or equal to (>=) 60". */
const ECHO = '(?:\\s*\\(\\s*(?:[<>]=?|=[<>]|&[lg]t;=?)\\s*\\))?';

/** Regex source of one comparator, with named groups ge / le / gt / lt. */
export const COMPARATOR = `(?:(?<ge>(?:${GE_SIGNS})|\\b(?:${GE_WORDS})\\b${ECHO})|(?<le>(?:${LE_SIGNS})|\\b(?:${LE_WORDS})\\b${ECHO})|(?<gt>\\b(?:${GT_WORDS})\\b${ECHO}|>|&gt;)|(?<lt>\\b(?:${LT_WORDS})\\b${ECHO}|<|&lt;))`;

/** "or more", "or less", "and older", "+" after a number. */
export const SUFFIX_COMPARATOR =
  '(?:(?<sge>\\bor\\s+(?:greater|more|higher|above|over|older)\\b|\\band\\s+(?:older|over|above|greater|more|higher)\\b|\\+)|(?<sle>\\bor\\s+(?:less|lower|below|under|fewer|younger|smaller)\\b|\\band\\s+(?:younger|under|below|less|lower)\\b))';

export function comparisonOf(groups: Record<string, string | undefined> | undefined): Comparison | null {
  if (!groups) return null;
  if (groups.ge !== undefined || groups.sge !== undefined) return 'greaterThanInclusive';
  if (groups.le !== undefined || groups.sle !== undefined) return 'lessThanInclusive';
  if (groups.gt !== undefined) return 'greaterThan';
  if (groups.lt !== undefined) return 'lessThan';
  return null;
}
