import type { Practice, ResponseOf } from '../../../shared/contract';
import { patientSchema, type Patient } from '../../../shared/drchrono';

/** A small practice and patient for the records screens' component tests. */

export const practice: Practice = {
  timezone: 'America/New_York',
  practiceName: 'Hudson Valley Family Medicine',
  today: '2026-11-23',
  user: {
    id: 1,
    username: 'frontdesk',
    doctor: 7,
    is_doctor: false,
    is_staff: true,
    practice_group: 1,
  },
  users: [
    {
      id: 1,
      username: 'frontdesk',
      doctor: 7,
      is_doctor: false,
      is_staff: true,
      practice_group: 1,
    },
    {
      id: 2,
      username: 'dr.okafor',
      doctor: 7,
      is_doctor: true,
      is_staff: false,
      practice_group: 1,
    },
  ],
  userGroups: [{ id: 5, name: 'Front desk', members: [1] }],
  doctors: [
    { id: 7, first_name: 'Adaeze', last_name: 'Okafor', timezone: 'America/New_York' },
    { id: 8, first_name: 'Tomas', last_name: 'Lindqvist', timezone: 'America/New_York' },
  ],
  offices: [
    {
      id: 1,
      name: 'Kingston',
      exam_rooms: [
        { index: 1, name: 'Exam 1' },
        { index: 2, name: 'Exam 2' },
      ],
    },
  ],
  profiles: [],
  templates: [],
  fetchedAt: 0,
};

export const patient: Patient = patientSchema.parse({
  id: 42,
  doctor: 7,
  first_name: 'Marisol',
  last_name: 'Quispe',
  date_of_birth: '1984-03-09',
  gender: 'Female',
  chart_id: 'QUIMA000001',
  cell_phone: '(845) 555-0142',
  home_phone: '',
  email: 'marisol@example.org',
  address: '12 Main St',
  city: 'Kingston',
  state: 'NY',
  zip_code: '12401',
  race: 'white',
  ethnicity: 'hispanic',
  preferred_language: 'spa',
  patient_status: 'A',
  patient_payment_profile: 'Insurance',
  social_security_number: '912-34-5678',
  office_phone: '555 0100', // a key the form does not know
  primary_insurance: {
    insurance_company: 'Aetna',
    insurance_payer_id: '60054',
    insurance_id_number: 'W123456789',
    insurance_group_number: 'G100',
    insurance_plan_name: 'Choice POS II',
    insurance_plan_type: 'PPO',
    is_subscriber_the_patient: true,
    subscriber_gender: 'Female',
  },
  secondary_insurance: { insurance_company: '', insurance_payer_id: '', insurance_id_number: '' },
  tertiary_insurance: { insurance_company: '', insurance_payer_id: '', insurance_id_number: '' },
  custom_demographics: [{ field_type: 3, value: 'Needs interpreter' }],
  patient_flags: [{ flag_type: 2, name: 'Fall risk', color: '#b3261e' }],
});

export const customFields: ResponseOf<'patients:customFields'> = {
  fields: [
    { id: 3, name: 'Interpreter', description: 'Language support at visits', allowed_values: [] },
  ],
  availability: { state: 'available', reason: null, skipped: 0, detail: null },
};

export const taskMeta: ResponseOf<'tasks:meta'> = {
  categories: [
    { id: 11, name: 'Refill requests' },
    { id: 12, name: 'Billing' },
  ],
  statuses: [
    { id: 21, name: 'Open', status_category: 'O' },
    { id: 22, name: 'In progress', status_category: 'P' },
    { id: 23, name: 'Done', status_category: 'C' },
  ],
  templates: [
    {
      id: 31,
      name: 'Call back',
      default_title: 'Call patient back',
      default_note: '',
      default_priority: 20,
      default_status: 21,
      default_assignee_group: 5,
      defatul_category: 12,
      default_due_date_offset: '1 00:00:00',
    },
  ],
  users: practice.users,
  groups: practice.userGroups,
};
