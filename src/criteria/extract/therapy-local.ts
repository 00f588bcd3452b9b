/**
 * Local treatments (radiotherapy, surgery) in the prior-therapy reader: phrases of their wording that
 * look like an alternative or an outcome to the general list reader but only narrow the one
 * treatment named. The words stay an unread qualifier of the finding (the facts cannot say a
 * technique, a site or a purpose); these helpers only stop them from hiding the finding itself.
 */

/**
 * Technique, extent and site words of a radiotherapy or an operation: "stereotactic", "highly
 * conformal", "short course", "craniospinal", "thoracic". Two of them joined by "or" before one
 * treatment noun name two forms of that treatment, not an alternative to it.
 */
const LOCAL_MODIFIER = String.raw`(?:highly\s+|hypo-?|ultra-?|short[\s-]|long[\s-]|whole[\s-]|partial[\s-]|limited[\s-]|extended[\s-]|involved[\s-])?(?:stereotactic|conformal|fractionated|hypofractionated|ablative|focal|craniospinal|cranial|intracranial|whole[\s-]brain|brain|course|field|thoracic|abdominal|pelvic|spinal|hepatic|pulmonary|mediastinal|cardiac|gastric|ovarian|breast|chest|nodal|axillary|open|laparoscopic|robotic|minimally\s+invasive|external[\s-]beam|proton|photon)`;

/**
 * "stereotactic or highly conformal " right before a radiotherapy or an operation (the head of the
 * list ends at the treatment noun). Global, so every such pair in a head is found.
 */
export const LOCAL_MODIFIER_OR_RE = new RegExp(
  String.raw`\b${LOCAL_MODIFIER}(?:\s+${LOCAL_MODIFIER})?\s*,?\s*(?:or|and\/or|\/)\s*${LOCAL_MODIFIER}(?:\s+${LOCAL_MODIFIER})?\s*$`,
  'i',
);

/**
 * The span of a modifier pair ("stereotactic or highly conformal") that ends right before a list of
 * radiotherapy or surgery, or null. `head` is the text from the start of the clause to the list.
 */
export function localModifierPair(head: string, headAt: number, local: boolean): [number, number] | null {
  if (!local) return null;
  const m = LOCAL_MODIFIER_OR_RE.exec(head);
  return m ? [headAt + m.index, headAt + m.index + m[0].trimEnd().length] : null;
}

/**
 * "other than for diagnosis", "excluding diagnostic purposes": the purpose an operation is carved
 * out for. Right before a window it is no outcome ("diagnosis within 5 years") the window times, so
 * the window reader must not see "diagnosis" in it.
 */
export const DIAGNOSTIC_PURPOSE_RE =
  /\b(?:other\s+than|except(?:\s+for)?|excluding|apart\s+from)\s+(?:(?:for|as)\s+)?(?:(?:the|a)\s+)?(?:purposes?\s+of\s+)?(?:diagnos(?:is|tic)(?:\s+purposes?)?|biopsy)\b\)?/gi;

/**
 * Radiation named as the bare kind ("radiotherapy", "radiation therapy", "XRT", "external beam
 * radiation"): the lexicon reads these as any radiation, exactly. Every other radiation phrase it
 * reads as the kind ("palliative radiotherapy", "stereotactic radiosurgery", "SBRT", "brachytherapy",
 * "whole brain radiation") names one form of it, narrower than any radiation.
 */
const BARE_RADIATION_RE =
  /^(?:(?:external[\s-]beam\s+)?(?:radiation|radiotherap(?:y|ies)|irradiation|radiation\s+(?:therap(?:y|ies)|treatments?)|radiotherapy\s+treatment)|RT|XRT|EBRT)(?:\s*\(\s*(?:RT|XRT|EBRT)\s*\))?$/i;

/** The parts of a treatment item this module looks at. */
interface LocalItem {
  start: number;
  end: number;
  kinds: ReadonlySet<string>;
  classes: ReadonlySet<string>;
  drugs: ReadonlySet<string>;
}

/**
 * Whether the radiation a union names is narrower than any radiation: some member is a form of it
 * ("palliative radiotherapy", "SBRT") and none is the bare kind (beside "radiotherapy", "radiosurgery"
 * adds nothing). Chemoradiation (a kind pair, or radiation with a drug class) is qualified elsewhere.
 */
export function narrowRadiationForm(text: string, items: readonly LocalItem[]): boolean {
  const radiation = items.filter((i) => i.kinds.has('radiation'));
  if (!radiation.length || radiation.some((i) => i.kinds.size > 1 || i.classes.size || i.drugs.size)) return false;
  return !radiation.some((i) => BARE_RADIATION_RE.test(text.slice(i.start, i.end).replace(/\s+/g, ' ').trim()));
}

/**
 * A label that limits the line to some patients ("Participant with NSCLC only:", "HNSCC only:"): like
 * a cohort label it heads the clause, and the qualifier keeps it (the line binds no one else).
 */
export const ONLY_LABEL_RE = /^\W*(?:(?:for\s+)?(?:patients?|participants?|subjects?)\s+with\s+[^:.;()]{1,60}?|[A-Z][\w/+-]{1,15}(?:\s+[\w/+-]{1,15}){0,2})\s+only\s*:/;

/** "Recent surgery or radiotherapy": an operation the text says was had, lately. */
export const RECENT_CUE_RE = /\brecent(?:ly)?\b/i;

/**
 * "treated with extensive field ", "prior limited-field " right before a radiotherapy: after a receipt
 * cue, the extent of the treatment received, which narrows it (left unread), not a lesion or field it
 * was given to. (Without the cue, "limited field palliative radiation is allowed" names a permission.)
 */
export const EXTENT_MODIFIER_BEFORE_RE =
  /\b(?:with|received|receiving|prior|previous(?:ly)?|had|undergone)\s+(?:an?\s+|any\s+)?(?:extensive|limited|large|wide|small|involved|extended)[\s-]+(?:fields?|areas?|regions?|volumes?)[\s-]+$/i;
