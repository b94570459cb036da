/**
 * Checkboxes choosing at least two of `all` jurisdictions; `onChange` gets the
 * new choice, in the order of `all`, as a comma-separated list.
 */
export function JurisdictionChecks({
  all,
  chosen,
  onChange,
}: {
  all: readonly string[];
  chosen: string[];
  onChange: (jurisdictions: string) => void;
}) {
  return (
    <fieldset className="checks-inline">
      <legend>Jurisdictions</legend>
      {all.map((j) => (
        <label key={j} className="check">
          <input
            type="checkbox"
            checked={chosen.includes(j)}
            disabled={chosen.includes(j) && chosen.length <= 2}
            onChange={(e) =>
              onChange(
                (e.target.checked ? [...chosen, j] : chosen.filter((x) => x !== j))
                  .filter((x, i, a) => a.indexOf(x) === i)
                  .sort((a, b) => all.indexOf(a) - all.indexOf(b))
                  .join(','),
              )
            }
          />
          {j}
        </label>
      ))}
    </fieldset>
  );
}
