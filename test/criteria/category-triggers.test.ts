/**
 * Category triggers (rules/topics/*.json) decide which topics a criterion is counted under,
 * whatever a reader makes of it. Real corpus lines that only mention a topic's words in passing
 * (a contraception window after the study drug's last dose, a concurrent infection, tissue taken
 * from a metastatic site, another malignancy's stage, a drug named like a lab) must stay out of
 * that topic, and lines that are about it must stay in.
 */
import type { CriterionKind } from '../../src/criteria/segment';
import { readCriterion } from '../../src/criteria/parse';
import { normalise } from '../../src/criteria/text';

/** The topics a criterion is counted under. */
const topicsOf = (text: string, kind: CriterionKind): string[] => readCriterion(normalise(text).text, kind, []).categories;

type Line = [kind: CriterionKind, text: string];

const notPriorTherapy: Line[] = [
  ['exclusion', 'Patient is a man who plans to father a child while enrolled in this study or within 3 months after the last dose of NX-1607 and, as applicable, within 6 months after the last dose of paclitaxel.'],
  ['inclusion', 'Use a condom with spermicide during the study and for at least 4 months after the last dose of pembrolizumab, and'],
  ['inclusion', 'Approved methods of birth control are as follows: hormonal contraception (i.e., birth control pills, injection, implant, transdermal patch, vaginal ring), intrauterine device, tubal ligation or hysterectomy, patient/partner post vasectomy, implantable or injectable contraceptives, and condoms plus spermicide. Not engaging in sexual activity for the total duration of the study and the study treatment washout period is an acceptable practice; however, periodic abstinence, the rhythm method, and the withdrawal method are not acceptable methods of birth control.'],
  ['exclusion', 'Concurrent opportunistic infections (The experimental treatment being evaluated in this protocol depends on an intact immune system. Patients who have decreased immune competence may be less responsive to the experimental treatment and more susceptible to its toxicities).'],
  ['exclusion', 'concurrent pulmonary infections other than COVID-19 during radiotherapy,'],
  ['exclusion', 'Concurrent malignancy requiring systemic therapy other than hormonal therapy.'],
  ['exclusion', 'Other active, concurrent malignancy that requires ongoing systemic treatment or interferes with radiographic assessment of melanoma response as determined by the investigator.'],
  ['exclusion', 'Participant has evidence of positive infectious disease screening and/or any active uncontrolled viral, bacterial, or fungal disease requiring ongoing systemic treatment or identified during screening.'],
  ['exclusion', 'Type 2 diabetes requiring ongoing systemic treatment at the time of study entry; or any history of Type 1 diabetes'],
  ['exclusion', 'Acute exacerbations of underlying condition within the last 12 months (requiring psoralen plus ultraviolet A radiation \\[PUVA\\], methotrexate, retinoids, biologic agents, oral calcineurin inhibitors; high potency or oral steroids)'],
  ['exclusion', 'Participants known to be positive for hepatitis C virus (HCV) antibody (Ab) are excluded with the following exception: participants who are HCV Ab positive but HCV RNA negative due to prior treatment or natural resolution are eligible'],
  ['exclusion', 'Pregnant and/or breastfeeding women are excluded from this study as these agents may have the potential for teratogenic or abortifacient effects. Female patients of childbearing potentially must have a negative urine or serum pregnancy test within 72 hours prior to receiving therapy'],
  ['exclusion', 'Any immune-related medical conditions that would put participants at greater risk when receiving pembrolizumab'],
  ['inclusion', 'Participants must not have any known significant organ disfunction that, in the opinion of the treating investigator, may impact suitability for receiving combination nivolumab/cabozantinib treatment'],
  ['inclusion', 'Planned treatment with systemic chemotherapy (single or multi-agent, includes targeted therapy) and/or immune checkpoint inhibitor therapy (targeting PD-1, PD-L1 or CTLA-4). If unable to engage participant before treatment starts, enrollment is allowed up to the start of Cycle 2 treatment.'],
  ['inclusion', 'Patient with advanced melanoma proved histologically, not BRAF mutated, BRAFV600 mutated and wild mutated, cutaneous or unknown primary melanoma having an indication of treatment with anti-PD-1 immunotherapy by nivolumab or Pembrolizumab,'],
  ['inclusion', 'Any patients who will receive treatment with intravenous carboplatin (any AUC, any cycle) on a National Cancer Institute (NCI)-sponsored National Clinical Trial Network (NCTN)-, Experimental Therapeutics Clinical Trials Network (ETCTN)-, trial, local trial, or through standard of care'],
  ['inclusion', 'Limited extrahepatic disease would be allowed initially, that can be treated with stereotactic body radiation therapy (SBRT) or surgical resection prior to the start of tebentafusp.'],
  ['inclusion', 'Histologically documented prostate adenocarcinoma which is de novo or recurrent and castration-sensitive. Participants with pathologic features of small cell, neuroendocrine, sarcomatoid, spindle cell, or signet cell histology are not eligible.'],
];

const priorTherapy: Line[] = [
  ['inclusion', 'Corticosteroids: If used to modify immune adverse events related to prior therapy, \\>= 14 days must have elapsed since last dose of corticosteroid'],
  ['exclusion', 'Concurrent non-protocol-specified anti-tumor therapy (e.g., chemotherapy, other targeted therapy, radiation therapy, or photodynamic therapy)'],
  ['exclusion', 'Concomitant therapy with any other anti-cancer therapy, concurrent medical conditions requiring use of immunosuppressive medications (other than physiologic (i.e., \\>10 mg) doses of steroids or as specified in exclusion #14) or use of other investigational drugs.'],
  ['exclusion', 'Patients with symptomatic brain metastases (of any size and any number). o Patients with definitively treated brain metastases may be considered for enrollment, if, prior to tumor resection for TIL, the patient is clinically stable for ≥ 14 days, there are no symptomatic brain lesions, and that the patient does not require ongoing corticosteroid treatment.'],
  ['inclusion', 'Planning to receive or have received adjuvant immunotherapy for 1 year.'],
  ['inclusion', 'Participants must have had documented progression during or within 12 weeks after the last dose of PD-1 checkpoint inhibition-based therapy.'],
  ['exclusion', 'Participants who progressed while being treated with ixazomib monotherapy maintenance ≥ 6 months prior to the time of starting study treatment are not excluded.'],
  ['inclusion', 'Pathologically or cytologically documented unresectable locally advanced or metastatic castration-resistant prostate cancer (CRPC).'],
  ['exclusion', 'Received prior radiotherapy within 2 weeks of start of study intervention, or radiation-related toxicities, requiring corticosteroids.'],
];

const notCancerType: Line[] = [
  ['exclusion', 'Strong breast cancer resistance protein (BCRP) inhibitors or inducers, due to potential drug-drug interactions with avutometinib.'],
  ['exclusion', 'Patients who previously received endocrine therapy within 5 years prior to diagnosis of the current malignancy.'],
  ['exclusion', 'Patients who have received treatment for their melanoma other than anti-PD-1 treatment.'],
  ['exclusion', 'Prior treatment with any B7-H3 targeted agent for cancer or any ADC with a topoisomerase payload.'],
  ['exclusion', 'Has multiple primary malignancies within 3 years before enrollment, except adequately resected non-melanoma skin cancer (e.g., resected basal or squamous cell skin cancer), curatively treated in-situ disease (e.g., carcinoma in situ of the cervix or breast), or contralateral noninvasive ductal carcinoma in situ'],
  ['exclusion', 'Have had other malignant tumors in the past 2 years (excluding tumors with low malignancy such as basal cell carcinoma, squamous cell carcinoma, cervical carcinoma in situ, papillary thyroid carcinoma, etc. that have undergone radical treatment) or have been diagnosed with melanoma;'],
  ['exclusion', 'Major surgical procedure, open biopsy (excluding skin cancer resection), or significant traumatic injury within 14 days of initiating study drug (unless the wound has healed) or anticipation of the need for major surgery during the study.'],
  ['exclusion', 'Has a life-threatening illness unrelated to cancer.'],
];

const cancerType: Line[] = [
  ['inclusion', 'Patients with a known or suspected malignancy and healthy volunteers 18 years of age and older are eligible.'],
  ['inclusion', 'Biopsy-proven invasive squamous cell carcinoma involving the site tongue and buccal mucosa'],
  ['inclusion', 'Newly diagnosed epithelial adenocarcinoma of ovarian, fallopian tube or peritoneal origin FIGO Stage III or IV patients whose disease is confirmed based on biopsy sample.'],
];

const notStage: Line[] = [
  ['inclusion', 'Provides tumor tissue (preferably from a metastatic site and, if not available, from the primary tumor) that is suitable for next generation sequencing and biomarker analysis as required for this study.'],
  ['inclusion', 'Primary disease of histologically confirmed (from primary tumour or from a metastatic lesion, including in the brain) melanoma or NSCLC'],
  ['exclusion', 'Prior malignancy. Adequately treated basal cell or squamous cell carcinoma of skin or superficial bladder cancer that has not spread behind the connective tissue layer (i.e., pTis, pTa, and pT1) is allowed, as well as any other cancer for which treatment has been completed ≥ 5 years ago and from which the patient has been disease-free since.'],
  ['exclusion', 'Has a known additional malignancy of another type, with the exception of adequately treated cone biopsied carcinoma in situ (eg, breast carcinoma, cervical cancer in situ) and basal or squamous cell carcinoma of the skin. Male subjects with asymptomatic prostate cancer without known metastatic disease and with no requirement for therapy or requiring only hormonal therapy and with normal prostate-specific antigen for \\>1 year prior to start of trial therapy are eligible.'],
];

const stage: Line[] = [
  ['inclusion', 'Pathologically or cytologically documented unresectable or metastatic BC.'],
  ['inclusion', 'Newly diagnosed epithelial adenocarcinoma of ovarian, fallopian tube or peritoneal origin FIGO Stage III or IV patients whose disease is confirmed based on biopsy sample.'],
  ['exclusion', 'Patients with metastatic ocular/mucosal or other non-cutaneous melanoma. Unknown primary melanoma is eligible.'],
];

const notLabs: Line[] = [
  ['exclusion', '14\\. Use of granulocyte colony-stimulating factor (G-CSF) or granulocyte-macrophage colony-stimulating factor (GM-CSF) within 2 weeks prior to leukapheresis'],
  ['exclusion', 'Hypersensitivity to the active substance of tebentafusp or to any of its excipients, including: Citric acid monohydrate (E330) Di-sodium hydrogen phosphate (E339) Mannitol (E421) Trehalose Polysorbate 20 (E432).'],
  ['exclusion', 'Non-leukocyte depleted whole blood transfusion within 120 days of genetic sample collection.'],
];

const labs: Line[] = [
  ['inclusion', 'Absolute neutrophil count ≥1000 cells/millimeter (mm\\^3) (use of granulocyte growth factors prior to and during the study is acceptable).'],
  ['inclusion', 'Total calcium (corrected for serum albumin); (calcium increase of up to 12.5 mg/dL or 3.1 mmol/L is acceptable at study entry if associated with creatinine clearance within normal limits)'],
];

describe.each([
  ['prior_therapy', notPriorTherapy, priorTherapy],
  ['cancer_type', notCancerType, cancerType],
  ['stage', notStage, stage],
  ['labs', notLabs, labs],
] as const)('the %s triggers', (topic, outside, inside) => {
  it.each(outside.map(([kind, text]) => [text.slice(0, 70), kind, text] as const))('leave out "%s…"', (_name, kind, text) => {
    expect(topicsOf(text, kind)).not.toContain(topic);
  });

  it.each(inside.map(([kind, text]) => [text.slice(0, 70), kind, text] as const))('keep "%s…"', (_name, kind, text) => {
    expect(topicsOf(text, kind)).toContain(topic);
  });
});
