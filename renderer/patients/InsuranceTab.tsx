import { insuranceSlots, type InsuranceSlot, type Patient } from '../../shared/drchrono';
import { Button, Notice } from '../ui';
import { Facts } from './common/Facts';
import { slotTitles, unbillableWarning } from './insurance-form';
import { hasInsuranceCard } from './patient-form';
import { formatBirthDate } from '../../shared/time/birth-date';

/** The three insurance cards, each with its own Edit (or Add) button. */
export function InsuranceTab({
  patient,
  onEdit,
}: {
  patient: Patient;
  onEdit: (slot: InsuranceSlot) => void;
}) {
  return (
    <div className="fd-rec-insurance">
      <Notice kind="info" live={false}>
        {unbillableWarning}
      </Notice>
      <div className="fd-rec-cards">
        {insuranceSlots.map((slot) => {
          const card = patient[slot];
          const present = hasInsuranceCard(card);
          return (
            <section key={slot} className="fd-rec-card" aria-label={slotTitles[slot]}>
              <header className="fd-rec-card__header">
                <h3>{slotTitles[slot]}</h3>
                <Button
                  size="small"
                  onClick={() => {
                    onEdit(slot);
                  }}
                  aria-label={`${present ? 'Edit' : 'Add'} ${slotTitles[slot].toLowerCase()}`}
                >
                  {present ? 'Edit' : 'Add'}
                </Button>
              </header>
              {present && card ? (
                <Facts
                  facts={[
                    ['Company', card.insurance_company],
                    ['Payer ID', card.insurance_payer_id],
                    ['Member ID', card.insurance_id_number],
                    [
                      'Group',
                      [card.insurance_group_number, card.insurance_group_name]
                        .filter(Boolean)
                        .join(' · '),
                    ],
                    [
                      'Plan',
                      [card.insurance_plan_name, card.insurance_plan_type]
                        .filter(Boolean)
                        .join(' · '),
                    ],
                    [
                      'Subscriber',
                      card.is_subscriber_the_patient === false
                        ? `${[card.subscriber_first_name, card.subscriber_last_name].filter(Boolean).join(' ')}${card.subscriber_relation ? ` (${card.subscriber_relation})` : ''}${card.subscriber_date_of_birth ? `, born ${formatBirthDate(card.subscriber_date_of_birth)}` : ''}`
                        : 'The patient',
                    ],
                  ]}
                />
              ) : (
                <p className="fd-rec-muted">None on file.</p>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
