import Link from "next/link";
import { PassageInContext } from "@/components/evidence/quote-in-context";
import type { CodingRoundView } from "@/lib/coding/data";

const FIELD_LABELS = { party: "party", issue: "issue", position: "position" } as const;

type Disagreement = NonNullable<CodingRoundView["results"]>["disagreements"][number];
type Names = { parties: Map<string, string>; issues: Map<string, string>; coders: Map<string, string> };

/** Each quote the coders coded differently, with every coder's code and where they differ. */
export function Disagreements({ slug, round }: { slug: string; round: CodingRoundView }) {
  const units = new Map(round.units.map((u, index) => [u.evidenceId, { ...u, index }]));
  const names: Names = {
    parties: new Map(round.parties.map((p) => [p.id, p.name])),
    issues: new Map(round.issues.map((i) => [i.id, i.title])),
    coders: new Map(round.coders.map((c) => [c.id, c.name])),
  };
  return (
    <ol className="mt-6 space-y-4">
      {round.results?.disagreements.map((d) => {
        const unit = units.get(d.evidenceId)!;
        return (
          <li key={d.evidenceId}>
            <section
              aria-label={`Disagreement on quote ${unit.index + 1}`}
              className="rounded-lg border border-slate-200 bg-white p-4"
            >
              <h2 className="text-sm font-semibold">
                Quote {unit.index + 1}: they differ on {d.fields.map((f) => FIELD_LABELS[f]).join(", ")}
              </h2>
              <p lang={unit.document.language} className="mt-2 font-serif leading-7">
                <PassageInContext before={unit.before} exact={unit.exact} after={unit.after} />
              </p>
              <p className="mt-1 text-xs">
                <Link href={`/w/${slug}/evidence/${unit.evidenceId}`} className="text-indigo-700 underline">
                  Open the quote in {unit.document.title}
                </Link>
              </p>
              <DisagreementCodes disagreement={d} index={unit.index} round={round} names={names} />
            </section>
          </li>
        );
      })}
    </ol>
  );
}

const CELL = "border-b border-slate-200 px-2 py-1.5 text-left align-top";

function DisagreementCodes({
  disagreement: d,
  index,
  round,
  names,
}: {
  disagreement: Disagreement;
  index: number;
  round: CodingRoundView;
  names: Names;
}) {
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Each coder’s code for quote {index + 1}</caption>
        <thead>
          <tr>
            <th scope="col" className={CELL}>
              Coder
            </th>
            <th scope="col" className={CELL}>
              Party
            </th>
            <th scope="col" className={CELL}>
              Issue
            </th>
            <th scope="col" className={CELL}>
              Position
            </th>
          </tr>
        </thead>
        <tbody>
          {d.codes.map((code) => {
            const differs = (field: keyof typeof FIELD_LABELS) =>
              d.fields.includes(field) ? "font-semibold text-red-800" : "";
            return (
              <tr key={code.coderId}>
                <th scope="row" className={`${CELL} font-normal`}>
                  {names.coders.get(code.coderId) ?? "A former member"}
                </th>
                <td className={`${CELL} ${differs("party")}`}>{names.parties.get(code.partyId)}</td>
                <td className={`${CELL} ${differs("issue")}`}>{names.issues.get(code.issueId)}</td>
                <td className={`${CELL} ${differs("position")}`}>{round.positionLabels[code.position]}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
