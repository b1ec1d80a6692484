import Link from "next/link";
import { CalendarDate } from "@/components/ui/calendar-date";
import type { NegotiationProposalListItem } from "@/lib/proposals/data";
import { NEGOTIATION_PROPOSAL_KIND_LABELS } from "@/lib/proposals/schema";
import { TableFrame } from "./table-frame";

/** The workspace's proposals by date, each with its party, kind, provisions and what it answers. */
export function ProposalsTable({ slug, proposals }: { slug: string; proposals: NegotiationProposalListItem[] }) {
  const link = (p: { id: string; title: string }) => (
    <Link href={`/w/${slug}/proposals/${p.id}`} className="text-indigo-700 underline">
      {p.title}
    </Link>
  );
  return (
    <TableFrame
      className="mt-6 overflow-x-auto"
      caption="Proposals by date"
      head={
        <>
          {["Date", "Proposal", "Party", "Kind", "Provisions", "Answers"].map((column) => (
            <th key={column} scope="col" className="py-2 pr-3">
              {column}
            </th>
          ))}
          <th scope="col" className="py-2">
            Answered by
          </th>
        </>
      }
    >
      {proposals.map((p) => (
        <tr key={p.id} className="border-b border-slate-200 align-top">
          <td className="whitespace-nowrap py-2 pr-3">
            <time dateTime={p.proposedOn}>
              <CalendarDate value={p.proposedOn} />
            </time>
          </td>
          <th scope="row" className="py-2 pr-3 font-medium">
            {link(p)}
          </th>
          <td className="py-2 pr-3">{p.party.name}</td>
          <td className="py-2 pr-3">{NEGOTIATION_PROPOSAL_KIND_LABELS[p.kind]}</td>
          <td className="py-2 pr-3">{p.provisionCount}</td>
          <td className="py-2 pr-3">{p.answers ? link(p.answers) : "—"}</td>
          <td className="py-2">
            {p.answeredBy.length === 0 ? (
              "—"
            ) : (
              <ul>
                {p.answeredBy.map((a) => (
                  <li key={a.id}>
                    {link(a)} <span className="text-slate-600">({a.party.name})</span>
                  </li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </TableFrame>
  );
}
