/** The "Day" date input of the paperwork screens; only a whole yyyy-mm-dd date is taken. */
export function DayField({ day, onDay }: { day: string; onDay: (day: string) => void }) {
  return (
    <label className="fdp-inline">
      Day
      <input
        aria-label="Day"
        className="fd-input"
        type="date"
        value={day}
        onChange={(e) => {
          if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value)) onDay(e.target.value);
        }}
      />
    </label>
  );
}
