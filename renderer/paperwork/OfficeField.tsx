import { ChoiceField } from './ChoiceField';

/** The "Office" select of the paperwork screens (see ChoiceField for `allLabel`). */
export function OfficeField({
  offices,
  value,
  onOffice,
  allLabel,
}: {
  offices: readonly { id: number; name: string }[];
  value: number | null;
  onOffice: (officeId: number | null) => void;
  allLabel?: string | undefined;
}) {
  return (
    <ChoiceField
      label="Office"
      options={offices.map((o) => ({ value: o.id, label: o.name }))}
      value={value}
      onChoose={onOffice}
      allLabel={allLabel}
    />
  );
}
