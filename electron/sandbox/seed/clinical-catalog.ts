/** Problems, medications and allergies the seed draws from (real codes). */

export interface ProblemSeed {
  name: string;
  icd: string;
  snomed: string;
  minAge: number;
  meds: MedicationSeed[];
}

export interface MedicationSeed {
  name: string;
  rxnorm: string;
  dosage_quantity: string;
  dosage_units: string;
  frequency: string;
  route: string;
}

export const problems: ProblemSeed[] = [
  {
    name: 'Essential hypertension',
    icd: 'I10',
    snomed: '38341003',
    minAge: 30,
    meds: [
      {
        name: 'Lisinopril 10 mg tablet',
        rxnorm: '314076',
        dosage_quantity: '1',
        dosage_units: 'tablet',
        frequency: 'once daily',
        route: 'oral',
      },
    ],
  },
  {
    name: 'Type 2 diabetes mellitus without complications',
    icd: 'E11.9',
    snomed: '44054006',
    minAge: 35,
    meds: [
      {
        name: 'Metformin 500 mg tablet',
        rxnorm: '861007',
        dosage_quantity: '1',
        dosage_units: 'tablet',
        frequency: 'twice daily',
        route: 'oral',
      },
    ],
  },
  {
    name: 'Hyperlipidemia, unspecified',
    icd: 'E78.5',
    snomed: '55822004',
    minAge: 35,
    meds: [
      {
        name: 'Atorvastatin 20 mg tablet',
        rxnorm: '617311',
        dosage_quantity: '1',
        dosage_units: 'tablet',
        frequency: 'once daily at bedtime',
        route: 'oral',
      },
    ],
  },
  {
    name: 'Asthma, unspecified',
    icd: 'J45.909',
    snomed: '195967001',
    minAge: 4,
    meds: [
      {
        name: 'Albuterol HFA 90 mcg inhaler',
        rxnorm: '745679',
        dosage_quantity: '2',
        dosage_units: 'puffs',
        frequency: 'every 4-6 hours as needed',
        route: 'inhaled',
      },
    ],
  },
  {
    name: 'Hypothyroidism, unspecified',
    icd: 'E03.9',
    snomed: '40930008',
    minAge: 20,
    meds: [
      {
        name: 'Levothyroxine 50 mcg tablet',
        rxnorm: '966222',
        dosage_quantity: '1',
        dosage_units: 'tablet',
        frequency: 'once daily before breakfast',
        route: 'oral',
      },
    ],
  },
  {
    name: 'Gastro-esophageal reflux disease without esophagitis',
    icd: 'K21.9',
    snomed: '235595009',
    minAge: 18,
    meds: [
      {
        name: 'Omeprazole 20 mg capsule',
        rxnorm: '198053',
        dosage_quantity: '1',
        dosage_units: 'capsule',
        frequency: 'once daily',
        route: 'oral',
      },
    ],
  },
  {
    name: 'Generalized anxiety disorder',
    icd: 'F41.1',
    snomed: '21897009',
    minAge: 14,
    meds: [
      {
        name: 'Sertraline 50 mg tablet',
        rxnorm: '312941',
        dosage_quantity: '1',
        dosage_units: 'tablet',
        frequency: 'once daily',
        route: 'oral',
      },
    ],
  },
  {
    name: 'Allergic rhinitis, unspecified',
    icd: 'J30.9',
    snomed: '61582004',
    minAge: 3,
    meds: [
      {
        name: 'Cetirizine 10 mg tablet',
        rxnorm: '1014678',
        dosage_quantity: '1',
        dosage_units: 'tablet',
        frequency: 'once daily',
        route: 'oral',
      },
    ],
  },
  {
    name: 'Primary osteoarthritis, right knee',
    icd: 'M17.11',
    snomed: '239873007',
    minAge: 50,
    meds: [
      {
        name: 'Meloxicam 7.5 mg tablet',
        rxnorm: '311486',
        dosage_quantity: '1',
        dosage_units: 'tablet',
        frequency: 'once daily with food',
        route: 'oral',
      },
    ],
  },
  { name: 'Obesity, unspecified', icd: 'E66.9', snomed: '414916001', minAge: 12, meds: [] },
];

export const allergies = [
  { description: 'Penicillin', reaction: 'Hives', rxnorm: '7980', snomed_reaction: '247472004' },
  {
    description: 'Sulfonamide antibiotics',
    reaction: 'Rash',
    rxnorm: '10180',
    snomed_reaction: '271807003',
  },
  { description: 'Peanuts', reaction: 'Anaphylaxis', rxnorm: '', snomed_reaction: '39579001' },
  { description: 'Latex', reaction: 'Contact dermatitis', rxnorm: '', snomed_reaction: '40275004' },
  {
    description: 'Shellfish',
    reaction: 'Swelling of lips',
    rxnorm: '',
    snomed_reaction: '267038008',
  },
  {
    description: 'Codeine',
    reaction: 'Nausea and vomiting',
    rxnorm: '2670',
    snomed_reaction: '422587007',
  },
  {
    description: 'Cat dander',
    reaction: 'Sneezing, itchy eyes',
    rxnorm: '',
    snomed_reaction: '76067001',
  },
];

export const acuteCodes = ['J06.9', 'J02.9', 'H66.90', 'R05.9', 'N39.0', 'L30.9'];
