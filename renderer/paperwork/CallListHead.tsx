/** The call list's column heads, on screen and on paper; only the last column differs. */
export function CallListHead({ last }: { last: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">Time</th>
        <th scope="col">Patient</th>
        <th scope="col">Phone</th>
        <th scope="col">Where</th>
        <th scope="col">Last reminder</th>
        <th scope="col">{last}</th>
      </tr>
    </thead>
  );
}
