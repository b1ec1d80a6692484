import Link from "next/link";
import { CodeUnitForm } from "@/components/coding/code-unit-form";
import { PassageInContext } from "@/components/evidence/quote-in-context";
import type { CodingRoundView } from "@/lib/coding/data";
import { POSITIONS } from "@/lib/matrix/positions";

/** A coder's own codes in an open round: every quote of the round with the form that codes it. */
export function MyCodes({ slug, round, coderId }: { slug: string; round: CodingRoundView; coderId: string }) {
  const total = round.units.length;
  const mine = new Map(round.codes.filter((c) => c.coderId === coderId).map((c) => [c.evidenceId, c]));
  const parties = round.parties.filter((p) => !p.archived).map((p) => ({ id: p.id, label: p.name }));
  const issues = round.issues.filter((i) => !i.archived).map((i) => ({ id: i.id, label: i.title }));
  const positions = POSITIONS.map((value) => ({ value, label: round.positionLabels[value] }));
  return (
    <section aria-labelledby="coding-heading" className="mt-6">
      <h2 id="coding-heading" className="font-serif text-xl font-semibold">
        Your codes
      </h2>
      <p className="mt-1 text-sm text-slate-700" role="status" data-testid="my-progress">
        {mine.size} of {total} coded
      </p>
      <p className="mt-1 text-sm text-slate-600">
        The other coders cannot see your codes, nor you theirs, until the round is complete.
      </p>
      <ol className="mt-4 space-y-4">
        {round.units.map((unit, index) => {
          const saved = mine.get(unit.evidenceId);
          return (
            <li key={unit.evidenceId}>
              <section
                aria-label={`Quote ${index + 1} of ${total}`}
                className="rounded-lg border border-slate-200 bg-white p-4"
              >
                <h3 className="flex flex-wrap items-baseline gap-2 text-sm font-semibold">
                  Quote {index + 1} of {total}
                  {saved ? (
                    <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-900">coded</span>
                  ) : null}
                </h3>
                <p lang={unit.document.language} className="mt-2 font-serif leading-7">
                  <PassageInContext before={unit.before} exact={unit.exact} after={unit.after} />
                </p>
                <p className="mt-1 text-xs text-slate-600">
                  {unit.speaker ?? "No speaker"} ·{" "}
                  <Link href={`/w/${slug}/evidence/${unit.evidenceId}`} className="text-indigo-700 underline">
                    {unit.document.title}
                  </Link>
                </p>
                <CodeUnitForm
                  workspaceSlug={slug}
                  roundId={round.id}
                  evidenceId={unit.evidenceId}
                  parties={parties}
                  issues={issues}
                  positions={positions}
                  saved={saved ?? null}
                />
              </section>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
