/** Clinical and billing vocabularies the seed draws from. Codes are real; prices are made up. */

export type RoomKind = 'exam' | 'procedure' | 'peds' | 'tele';

export interface ProfileSeed {
  key: string;
  name: string;
  duration: number;
  color: string;
  reason: string;
  online: boolean;
  /** Room kinds this profile is booked in, with a weight. */
  rooms: Partial<Record<RoomKind, number>>;
}

export const profileSeeds: ProfileSeed[] = [
  {
    key: 'new',
    name: 'New Patient Visit',
    duration: 60,
    color: '#1E88E5',
    reason: 'New patient visit',
    online: true,
    rooms: { exam: 10 },
  },
  {
    key: 'follow',
    name: 'Follow-up Visit',
    duration: 20,
    color: '#43A047',
    reason: 'Follow-up',
    online: true,
    rooms: { exam: 40, procedure: 10 },
  },
  {
    key: 'physical',
    name: 'Annual Physical',
    duration: 40,
    color: '#8E24AA',
    reason: 'Annual physical exam',
    online: true,
    rooms: { exam: 15 },
  },
  {
    key: 'sick',
    name: 'Sick Visit',
    duration: 15,
    color: '#E53935',
    reason: 'Acute illness',
    online: false,
    rooms: { exam: 20, peds: 35 },
  },
  {
    key: 'wellchild',
    name: 'Well Child Check',
    duration: 30,
    color: '#FDD835',
    reason: 'Well child check',
    online: true,
    rooms: { peds: 50 },
  },
  {
    key: 'procedure',
    name: 'Minor Procedure',
    duration: 45,
    color: '#FB8C00',
    reason: 'Minor procedure',
    online: false,
    rooms: { procedure: 40 },
  },
  {
    key: 'tele',
    name: 'Telehealth Visit',
    duration: 20,
    color: '#00ACC1',
    reason: 'Telehealth visit',
    online: true,
    rooms: { tele: 50 },
  },
  {
    key: 'awv',
    name: 'Medicare Annual Wellness',
    duration: 45,
    color: '#6D4C41',
    reason: 'Medicare annual wellness visit',
    online: false,
    rooms: { exam: 6 },
  },
  {
    key: 'allergy',
    name: 'Allergy Injection',
    duration: 15,
    color: '#78909C',
    reason: 'Allergy immunotherapy injection',
    online: false,
    rooms: { exam: 4 },
  },
];

export interface CodeSeed {
  code: string;
  type: 'C' | 'H' | 'U';
  description: string;
  price: string;
}

export const codes: Record<string, CodeSeed> = {
  '99203': {
    code: '99203',
    type: 'C',
    description: 'Office visit, new patient, low complexity',
    price: '175.00',
  },
  '99204': {
    code: '99204',
    type: 'C',
    description: 'Office visit, new patient, moderate complexity',
    price: '260.00',
  },
  '99212': {
    code: '99212',
    type: 'C',
    description: 'Office visit, established patient, straightforward',
    price: '95.00',
  },
  '99213': {
    code: '99213',
    type: 'C',
    description: 'Office visit, established patient, low complexity',
    price: '135.00',
  },
  '99214': {
    code: '99214',
    type: 'C',
    description: 'Office visit, established patient, moderate complexity',
    price: '195.00',
  },
  '99392': {
    code: '99392',
    type: 'C',
    description: 'Preventive visit, established, age 1-4',
    price: '180.00',
  },
  '99393': {
    code: '99393',
    type: 'C',
    description: 'Preventive visit, established, age 5-11',
    price: '185.00',
  },
  '99394': {
    code: '99394',
    type: 'C',
    description: 'Preventive visit, established, age 12-17',
    price: '200.00',
  },
  '99395': {
    code: '99395',
    type: 'C',
    description: 'Preventive visit, established, age 18-39',
    price: '220.00',
  },
  '99396': {
    code: '99396',
    type: 'C',
    description: 'Preventive visit, established, age 40-64',
    price: '240.00',
  },
  '99397': {
    code: '99397',
    type: 'C',
    description: 'Preventive visit, established, age 65+',
    price: '260.00',
  },
  '90460': {
    code: '90460',
    type: 'C',
    description: 'Immunization administration, first component',
    price: '35.00',
  },
  '87880': { code: '87880', type: 'C', description: 'Rapid strep test', price: '40.00' },
  '36415': { code: '36415', type: 'C', description: 'Routine venipuncture', price: '15.00' },
  '93000': {
    code: '93000',
    type: 'C',
    description: 'Electrocardiogram with interpretation',
    price: '65.00',
  },
  '11102': {
    code: '11102',
    type: 'C',
    description: 'Tangential biopsy of skin, single lesion',
    price: '210.00',
  },
  '17110': {
    code: '17110',
    type: 'C',
    description: 'Destruction of benign lesions, up to 14',
    price: '165.00',
  },
  '20610': {
    code: '20610',
    type: 'C',
    description: 'Arthrocentesis/injection, major joint',
    price: '150.00',
  },
  '95115': {
    code: '95115',
    type: 'C',
    description: 'Allergen immunotherapy, single injection',
    price: '30.00',
  },
  J1030: {
    code: 'J1030',
    type: 'H',
    description: 'Methylprednisolone acetate injection, 40 mg',
    price: '18.50',
  },
  G0439: {
    code: 'G0439',
    type: 'H',
    description: 'Annual wellness visit, subsequent',
    price: '175.00',
  },
  FORMS: { code: 'FORMS', type: 'U', description: 'School/work forms completion', price: '25.00' },
};

/** Codes billed for a visit of a given profile (first is the main one). */
export const visitCodes: Record<string, string[][]> = {
  new: [['99203'], ['99204'], ['99204', '36415']],
  follow: [['99213'], ['99214'], ['99213', '36415'], ['99214', '93000']],
  physical: [['99395'], ['99396', '36415'], ['99397', '93000']],
  sick: [['99212'], ['99213', '87880'], ['99213']],
  wellchild: [
    ['99392', '90460'],
    ['99393', '90460'],
    ['99394', 'FORMS'],
  ],
  procedure: [['11102'], ['17110'], ['20610', 'J1030']],
  tele: [['99213'], ['99212'], ['99214']],
  awv: [['G0439']],
  allergy: [['95115']],
};
