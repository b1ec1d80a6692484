"use client";

import Link from "next/link";
import { useMatrix } from "@/components/matrix/use-matrix";
import { PositionBadge } from "@/components/matrix/position-badge";
import { POSITION_STYLES } from "@/lib/matrix/positions";
import { formatCalendarDate } from "@/lib/matrix/dates";
import type { MatrixView } from "@/lib/matrix/schema";
import type { Position } from "@/lib/generated/prisma/enums";

export function MatrixBoard({ initial }: { initial: MatrixView }) {
  const { data: matrix = initial } = useMatrix(initial.workspace.slug, initial.asOf, initial);
  const cells = new Map(matrix.cells.map((c) => [`${c.issueId}:${c.partyId}`, c.statement]));
  const slug = matrix.workspace.slug;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full min-w-[720px] border-collapse text-left">
        <caption className="sr-only">Stances of each party on each issue as of {formatCalendarDate(matrix.asOf)}</caption>
        <thead>
          <tr className="border-b border-slate-200 bg-slate-50">
            <th scope="col" className="w-72 px-4 py-3 text-xs font-semibold uppercase tracking-wide text-slate-500">Issue</th>
            {matrix.parties.map((party) => (
              <th key={party.id} scope="col" className="px-4 py-3 text-sm font-semibold">
                <span className="inline-flex items-center gap-2">
                  <span aria-hidden className="inline-block h-3 w-1.5 rounded-sm" style={{ backgroundColor: party.colour }} />
                  {party.name}
                </span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.issues.map((issue) => (
            <tr key={issue.id} className="border-b border-slate-100 align-top last:border-0">
              <th scope="row" className="px-4 py-3 text-sm font-medium">
                {issue.title}
                {issue.description ? <span className="mt-1 block text-xs font-normal text-slate-500">{issue.description}</span> : null}
              </th>
              {matrix.parties.map((party) => {
                const statement = cells.get(`${issue.id}:${party.id}`);
                const href = `/w/${slug}/cells/${issue.id}/${party.id}?asOf=${matrix.asOf}`;
                const label = `${party.name} on ${issue.title}`;
                if (!statement) {
                  return (
                    <td key={party.id} className="p-2">
                      <Link href={href} aria-label={`${label}: no statement`} data-testid="matrix-cell" data-position="" className="flex h-full min-h-24 items-center justify-center rounded-md border border-dashed border-slate-200 px-3 py-2 text-xs text-slate-400 hover:border-slate-400 hover:text-slate-600">
                        No statement yet
                      </Link>
                    </td>
                  );
                }
                const position = statement.position as Position;
                return (
                  <td key={party.id} className="p-2">
                    <Link href={href} aria-label={`${label}: ${matrix.positionLabels[position]}`} data-testid="matrix-cell" data-position={position} className={`block min-h-24 rounded-md border px-3 py-2 transition hover:shadow ${POSITION_STYLES[position].cell}`}>
                      <PositionBadge position={position} label={matrix.positionLabels[position] ?? position} />
                      <span className="mt-1 line-clamp-3 block text-sm text-slate-800">{statement.summary}</span>
                      <span className="mt-2 flex justify-between text-xs text-slate-500">
                        <time dateTime={statement.statedOn}>{formatCalendarDate(statement.statedOn)}</time>
                        <span>{statement.evidenceCount} {statement.evidenceCount === 1 ? "quote" : "quotes"}</span>
                      </span>
                    </Link>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
