/** A few dozen payers, as `/api/insurances` would list them. */
export const payers = [
  ['Aetna', '60054', 'CT'],
  ['Aetna Better Health of New York', '34734', 'NY'],
  ['Anthem Blue Cross Blue Shield', '00803', 'NY'],
  ['Empire BlueCross BlueShield', '00303', 'NY'],
  ['Excellus BlueCross BlueShield', '00800', 'NY'],
  ['Highmark Blue Cross Blue Shield of Western NY', '00801', 'NY'],
  ['Blue Cross Blue Shield of Massachusetts', '00700', 'MA'],
  ['Horizon Blue Cross Blue Shield of New Jersey', '22099', 'NJ'],
  ['Cigna', '62308', 'CT'],
  ['UnitedHealthcare', '87726', 'MN'],
  ['UnitedHealthcare Community Plan', '86050', 'NY'],
  ['Humana', '61101', 'KY'],
  ['Medicare Part B (New York - Upstate)', '13202', 'NY'],
  ['Medicare Part B (New Jersey)', '12402', 'NJ'],
  ['Medicaid of New York', '141797357', 'NY'],
  ['Fidelis Care', '11315', 'NY'],
  ['MVP Health Care', '14165', 'NY'],
  ['EmblemHealth (GHI)', '13551', 'NY'],
  ['EmblemHealth (HIP)', '55247', 'NY'],
  ['Oscar Health', 'OSCAR', 'NY'],
  ['Healthfirst', '80141', 'NY'],
  ['MetroPlus Health Plan', '13265', 'NY'],
  ['Wellcare', '14163', 'FL'],
  ['Tricare East', '57106', 'SC'],
  ['Oxford Health Plans', '06111', 'CT'],
  ['GEHA', '44054', 'MO'],
  ['Harvard Pilgrim Health Care', '04271', 'MA'],
  ['Independence Blue Cross', '54704', 'PA'],
  ['Geisinger Health Plan', '75273', 'PA'],
  ['AmeriHealth', '60061', 'PA'],
  ['Capital District Physicians Health Plan', '06105', 'NY'],
  ['Kaiser Permanente Mid-Atlantic', '52095', 'MD'],
  ['Mutual of Omaha', '71412', 'NE'],
  ['AARP Medicare Supplement', '36273', 'MN'],
  ['Workers Compensation Board of NY', 'WCBNY', 'NY'],
  ['GEICO Auto (PIP)', 'GEICO', 'MD'],
] as const;

/** Payers seeded onto patients as primary insurance, with their plan types. */
export const commonPlans = [
  { payer: 'Aetna', plan: 'Aetna Choice POS II', type: 'POS', prefix: 'W' },
  { payer: 'Empire BlueCross BlueShield', plan: 'Empire PPO', type: 'PPO', prefix: 'YLL' },
  { payer: 'Cigna', plan: 'Cigna Open Access Plus', type: 'OAP', prefix: 'U' },
  { payer: 'UnitedHealthcare', plan: 'UHC Choice Plus', type: 'PPO', prefix: '9' },
  { payer: 'MVP Health Care', plan: 'MVP EPO', type: 'EPO', prefix: 'MVP' },
  { payer: 'Fidelis Care', plan: 'Fidelis Essential Plan', type: 'HMO', prefix: 'FC' },
  { payer: 'Medicaid of New York', plan: 'NY Medicaid', type: 'Medicaid', prefix: 'AB' },
  { payer: 'Excellus BlueCross BlueShield', plan: 'Simply Blue Plus', type: 'HMO', prefix: 'XBB' },
] as const;

export const medicarePlan = {
  payer: 'Medicare Part B (New York - Upstate)',
  plan: 'Medicare Part B',
  type: 'Medicare',
  prefix: '1EG4',
} as const;
export const supplementPlan = {
  payer: 'AARP Medicare Supplement',
  plan: 'AARP Medigap Plan G',
  type: 'Supplement',
  prefix: 'AARP',
} as const;
