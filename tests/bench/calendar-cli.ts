import { runCalendarBench } from './calendar';

// `npx tsx tests/bench/calendar-cli.ts [runs]`: the calendar bench alone.
const runs = Number(process.argv[2] ?? 5);
const result = await runCalendarBench({ runs });
console.log(JSON.stringify(result.samples));
