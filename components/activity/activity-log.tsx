import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { ActivityEvent } from "@/lib/activity/data";
import { type ActivityNames, activitySentence } from "@/lib/activity/sentences";
import { displayName } from "@/lib/users/display-name";

/** Each change as a sentence, newest first, linking to what it changed. */
export function ActivityLog({ slug, events, names }: { slug: string; events: ActivityEvent[]; names: ActivityNames }) {
  if (events.length === 0) return <p className="mt-6 text-sm text-slate-600">No change matches.</p>;
  return (
    <ol className="mt-6 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
      {events.map((e) => {
        const sentence = activitySentence(slug, { ...e, actor: e.actor ? displayName(e.actor) : null }, names);
        return (
          <li key={String(e.id)} id={`activity-${e.id}`} className="p-3 text-sm">
            <p>
              <span className="text-slate-600">
                <LocalTime iso={e.at.toISOString()} />
              </span>{" "}
              <strong>{sentence.actor}</strong>{" "}
              {sentence.href ? (
                <Link href={sentence.href} className="text-indigo-800 hover:underline">
                  {sentence.text}
                </Link>
              ) : (
                sentence.text
              )}
            </p>
            {sentence.detail ? <p className="mt-1 text-slate-700">{sentence.detail}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
