import type { ReactNode } from "react";
import { formatCoefficient, type RoundFigures } from "@/lib/coding/figures";

const cell = "border-b border-slate-200 px-2 py-1.5 text-left";

const VARIABLES = [
  { key: "party", label: "Party", level: "nominal" },
  { key: "issue", label: "Issue", level: "nominal" },
  { key: "position", label: "Position", level: "ordinal" },
] as const;

type CoderName = (id: string) => string;

/** One table of figures: a caption for screen readers, a header row of the columns, the rows. */
function FiguresTable({
  testId,
  caption,
  columns,
  children,
}: {
  testId: string;
  caption: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col" className={cell}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

function AlphaTable({ figures }: { figures: RoundFigures }) {
  return (
    <FiguresTable testId="alpha-table" caption="Krippendorff’s alpha, overall" columns={["Code", "Alpha", "Units"]}>
      {VARIABLES.map((v) => (
        <tr key={v.key}>
          <th scope="row" className={`${cell} font-normal`}>
            {v.label} <span className="text-slate-600">({v.level})</span>
          </th>
          <td className={`${cell} tabular-nums`} data-testid={`alpha-${v.key}`}>
            {formatCoefficient(figures.alpha[v.key].alpha)}
          </td>
          <td className={`${cell} tabular-nums`}>{figures.alpha[v.key].units}</td>
        </tr>
      ))}
    </FiguresTable>
  );
}

function KappaTable({ figures, name }: { figures: RoundFigures; name: CoderName }) {
  return (
    <FiguresTable
      testId="kappa-table"
      caption="Cohen’s kappa per pair of coders"
      columns={["Pair", ...VARIABLES.map((v) => v.label), "Units"]}
    >
      {figures.pairs.map((pair) => (
        <tr key={`${pair.coderA}-${pair.coderB}`}>
          <th scope="row" className={`${cell} font-normal`}>
            {name(pair.coderA)} · {name(pair.coderB)}
          </th>
          {VARIABLES.map((v) => (
            <td key={v.key} className={`${cell} tabular-nums`}>
              {formatCoefficient(pair[v.key].kappa)}
            </td>
          ))}
          <td className={`${cell} tabular-nums`}>{pair.position.units}</td>
        </tr>
      ))}
    </FiguresTable>
  );
}

function IssueTable({
  figures,
  name,
  issueTitles,
}: {
  figures: RoundFigures;
  name: CoderName;
  issueTitles: Map<string, string>;
}) {
  return (
    <FiguresTable
      testId="issue-table"
      caption="Agreement on positions per issue"
      columns={["Issue", "Alpha (ordinal)", "Units", "Kappa per pair"]}
    >
      {figures.issues.map((issue) => (
        <tr key={issue.issueId}>
          <th scope="row" className={`${cell} font-normal`}>
            {issueTitles.get(issue.issueId) ?? "A deleted issue"}
          </th>
          <td className={`${cell} tabular-nums`}>{formatCoefficient(issue.position.alpha)}</td>
          <td className={`${cell} tabular-nums`}>{issue.position.units}</td>
          <td className={cell}>
            {issue.pairs.map((pair) => (
              <span key={`${pair.coderA}-${pair.coderB}`} className="block">
                {name(pair.coderA)} · {name(pair.coderB)}: {formatCoefficient(pair.position.kappa)} (
                {pair.position.units} units)
              </span>
            ))}
          </td>
        </tr>
      ))}
    </FiguresTable>
  );
}

/** The round's Krippendorff's alphas and the pairwise Cohen's kappas, each with its number of units. */
export function AgreementFigures({
  figures,
  coderNames,
  issueTitles,
}: {
  figures: RoundFigures;
  coderNames: Map<string, string>;
  issueTitles: Map<string, string>;
}) {
  const name = (id: string) => coderNames.get(id) ?? "a former member";
  return (
    <section aria-labelledby="agreement-heading" className="mt-6">
      <h2 id="agreement-heading" className="font-serif text-xl font-semibold">
        Agreement
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Krippendorff’s alpha over all coders and Cohen’s kappa for each pair; 1 is perfect agreement, 0 no better than
        chance. “Undefined” where the coders used a single value throughout. {figures.units} units coded by at least two
        coders.
      </p>
      <div className="mt-3 overflow-x-auto">
        <AlphaTable figures={figures} />
      </div>
      <h3 className="mt-6 font-semibold">Each pair of coders (Cohen’s kappa)</h3>
      <div className="mt-2 overflow-x-auto">
        <KappaTable figures={figures} name={name} />
      </div>
      <h3 className="mt-6 font-semibold">Positions, issue by issue</h3>
      <p className="mt-1 text-sm text-slate-600">A coder’s position counts for the issue they coded the quote under.</p>
      <div className="mt-2 overflow-x-auto">
        <IssueTable figures={figures} name={name} issueTitles={issueTitles} />
      </div>
    </section>
  );
}
