import { Button, useNavigation } from '../ui';

/** From the calendar's toolbar: the day sheet of the day and office on screen. */
export function DaySheetButton({ date, officeId }: { date: string; officeId: number }) {
  const { navigate } = useNavigation();
  return (
    <Button onClick={() => void navigate({ area: 'daysheet', date, officeId })}>Day sheet</Button>
  );
}
