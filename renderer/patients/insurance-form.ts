import { insuranceWritable, type Insurance, type InsuranceSlot } from '../../shared/drchrono';
import type { z } from 'zod';

export type InsuranceFormInput = z.input<typeof insuranceWritable>;

export const insuranceFormFields = Object.keys(insuranceWritable.shape);

export const slotTitles: Record<InsuranceSlot, string> = {
  primary_insurance: 'Primary insurance',
  secondary_insurance: 'Secondary insurance',
  tertiary_insurance: 'Tertiary insurance',
};

export const unbillableWarning =
  'drchrono warns that changing insurance information may make past appointments unbillable. ' +
  'Check with billing before changing a card past visits were billed to.';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A stored card (drchrono sends empty cards for empty slots) as the form's boxes. */
export function cardValues(card: Insurance | null | undefined): InsuranceFormInput {
  return {
    insurance_company: str(card?.insurance_company),
    insurance_payer_id: str(card?.insurance_payer_id),
    insurance_id_number: str(card?.insurance_id_number),
    insurance_group_number: str(card?.insurance_group_number),
    insurance_group_name: str(card?.insurance_group_name),
    insurance_plan_name: str(card?.insurance_plan_name),
    insurance_plan_type: str(card?.insurance_plan_type),
    insurance_claim_office_number: str(card?.insurance_claim_office_number),
    is_subscriber_the_patient: card?.is_subscriber_the_patient ?? true,
    subscriber_first_name: str(card?.subscriber_first_name),
    subscriber_last_name: str(card?.subscriber_last_name),
    subscriber_date_of_birth: str(card?.subscriber_date_of_birth).slice(0, 10),
    subscriber_relation: str(card?.subscriber_relation),
  };
}
