// The database's enums for code outside lib/ (components, pages), which may not import the
// generated Prisma client itself.
export {
  AmendmentKind,
  AnchorStatus,
  Confidence,
  EvidenceKind,
  EvidenceRelation,
  NotificationKind,
  Position,
  Role,
} from "@/lib/generated/prisma/enums";
