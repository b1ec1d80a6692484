import type { Position } from "@/lib/matrix/positions";
import { DEFAULT_POSITION_LABELS } from "@/lib/matrix/positions";
import type { TemplateKey } from "@/lib/workspaces/schema";

// Starting points for a new workspace: placeholder parties and issues to rename, and the words
// for the scale. Nothing in them is about any real negotiation.

export type WorkspaceTemplate = {
  key: TemplateKey;
  name: string;
  description: string;
  parties: { name: string; shortName: string }[];
  issues: { title: string; description: string }[];
  positionLabels: Record<Position, string>;
};

/** Distinct on a white card and for colour-blind readers, in this order. */
export const PARTY_PALETTE = ["#1d4ed8", "#b91c1c", "#047857", "#7c3aed", "#c2410c", "#0e7490", "#a16207", "#be185d"];

export const WORKSPACE_TEMPLATES: Record<TemplateKey, WorkspaceTemplate> = {
  blank: {
    key: "blank",
    name: "Blank",
    description: "No parties or issues yet; the default scale.",
    parties: [],
    issues: [],
    positionLabels: DEFAULT_POSITION_LABELS,
  },
  bilateral: {
    key: "bilateral",
    name: "Bilateral talks",
    description: "Two sides and a short agenda.",
    parties: [
      { name: "Side A", shortName: "A" },
      { name: "Side B", shortName: "B" },
    ],
    issues: [
      { title: "Agenda item 1", description: "" },
      { title: "Agenda item 2", description: "" },
      { title: "Agenda item 3", description: "" },
    ],
    positionLabels: DEFAULT_POSITION_LABELS,
  },
  multilateral: {
    key: "multilateral",
    name: "Multilateral treaty review",
    description: "Delegations and groups over the articles of a text, on a consensus scale.",
    parties: [
      { name: "Delegation 1", shortName: "D1" },
      { name: "Delegation 2", shortName: "D2" },
      { name: "Delegation 3", shortName: "D3" },
      { name: "Negotiating group", shortName: "Group" },
    ],
    issues: [
      { title: "Article 1", description: "" },
      { title: "Article 2", description: "" },
      { title: "Article 3", description: "" },
      { title: "Final provisions", description: "" },
    ],
    positionLabels: {
      DEMANDS: "Proposes",
      SUPPORTS: "Supports the text",
      OPEN: "Flexible",
      CONDITIONAL: "Supports with reservations",
      OPPOSES: "Objects",
      REJECTS: "Blocks consensus",
      NO_POSITION: "Has not spoken",
    },
  },
  ceasefire: {
    key: "ceasefire",
    name: "Ceasefire talks",
    description: "Two belligerents and a mediator over the usual elements of a truce.",
    parties: [
      { name: "Party A", shortName: "A" },
      { name: "Party B", shortName: "B" },
      { name: "Mediator", shortName: "Med" },
    ],
    issues: [
      { title: "Cessation of hostilities", description: "" },
      { title: "Monitoring and verification", description: "" },
      { title: "Humanitarian access", description: "" },
      { title: "Exchange of prisoners", description: "" },
      { title: "Lines of separation", description: "" },
    ],
    positionLabels: {
      DEMANDS: "Insists on",
      SUPPORTS: "Accepts",
      OPEN: "Open to discuss",
      CONDITIONAL: "Accepts on conditions",
      OPPOSES: "Resists",
      REJECTS: "Refuses",
      NO_POSITION: "No stated position",
    },
  },
};

/** A short name for a party typed without one: its initials, or its first letters. */
export function shortNameFor(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const initials = words.length > 1 ? words.map((w) => w[0]!.toUpperCase()).join("") : name.trim().slice(0, 6);
  return initials.slice(0, 24) || "?";
}
