import { z } from "zod";
import { ownInstansi } from "../access/visibility.ts";
import { addForumCommitment, recordForum, updateForumCommitment } from "../community/forums.ts";
import { CommitmentStatus, ForumKind } from "../generated/prisma/enums.ts";
import { builder } from "./builder.ts";
import { OrgUnitRef } from "./organization.ts";
import { IndicatorRef } from "./skp.ts";

// Community forums and what units promised there (community/forums.ts).
// Every member of the instansi reads them (they are public business); the
// unit's scorecard publishes the commitments (schema/scorecard.ts).

export const ForumKindEnum = builder.enumType(ForumKind, { name: "ForumKind" });
export const CommitmentStatusEnum = builder.enumType(CommitmentStatus, { name: "CommitmentStatus" });

const commitmentText = z.string().trim().min(5).max(1000);
const noteText = z.string().trim().min(3).max(2000);

const ForumAspirationRef = builder.prismaNode("ForumAspiration", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, ...ownInstansi(ctx.viewer) }),
  description: "What citizens asked for at a forum.",
  fields: (t) => ({
    text: t.exposeString("text"),
  }),
});

const CommunityForumRef = builder.prismaNode("CommunityForum", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, ...ownInstansi(ctx.viewer) }),
  description: "A community forum (musyawarah desa, musrenbang, forum konsultasi publik…): where citizens judged services or asked for them.",
  fields: (t) => ({
    title: t.exposeString("title"),
    kind: t.expose("kind", { type: ForumKindEnum }),
    heldOn: t.expose("heldOn", { type: "Date" }),
    place: t.exposeString("place"),
    participants: t.exposeInt("participants", { description: "How many citizens took part." }),
    summary: t.exposeString("summary", { nullable: true }),
    aspirations: t.relation("aspirations", { query: { orderBy: { position: "asc" } } }),
    commitments: t.relation("commitments", { query: { orderBy: { createdAt: "asc" } } }),
  }),
});

const ForumCommitmentRef = builder.prismaNode("ForumCommitment", {
  id: { field: "id" },
  nullable: true,
  findUnique: (id, ctx) => ({ id, ...ownInstansi(ctx.viewer) }),
  description: "What a unit promised at a forum, tracked to done; published on the unit's scorecard.",
  fields: (t) => ({
    commitment: t.exposeString("commitment"),
    status: t.expose("status", { type: CommitmentStatusEnum }),
    dueOn: t.expose("dueOn", { type: "Date", nullable: true }),
    note: t.exposeString("note", { nullable: true, description: "What shows it was kept, or why it was dropped; published with it." }),
    forum: t.relation("forum"),
    unit: t.relation("unit"),
    aspiration: t.relation("aspiration", { nullable: true }),
    trackedBy: t.globalID({
      nullable: true,
      description: "The ID of the SKP indicator (of someone in the unit) that tracks it.",
      resolve: (commitment) => (commitment.indicatorId ? { type: "Indicator", id: commitment.indicatorId } : null),
    }),
  }),
});

builder.queryField("forums", (t) =>
  t.prismaConnection({
    type: "CommunityForum",
    cursor: "id",
    description: "The instansi's community forums, latest first.",
    authScopes: { viewer: true },
    resolve: (query, _root, _args, ctx) => ctx.prisma.communityForum.findMany({ ...query, where: ownInstansi(ctx.viewer), orderBy: [{ heldOn: "desc" }, { id: "desc" }] }),
  }),
);

builder.relayMutationField(
  "recordForum",
  {
    description: "The admin records a community forum once held: when, where, how many took part, and what citizens asked for.",
    inputFields: (t) => ({
      title: t.string({ required: true, validate: z.string().trim().min(3).max(200) }),
      kind: t.field({ type: ForumKindEnum, required: true }),
      heldOn: t.field({ type: "Date", required: true }),
      place: t.string({ required: true, validate: z.string().trim().min(2).max(200) }),
      participants: t.int({ required: true, validate: z.number().int().min(1).max(100_000) }),
      summary: t.string({ required: false, validate: z.string().trim().max(4000) }),
      aspirations: t.stringList({ required: true, validate: z.array(z.string().trim().min(3).max(1000)).max(100), description: "What citizens asked for, in the order of the minutes." }),
    }),
  },
  {
    authScopes: { viewer: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => recordForum(scope, input)),
  },
  { outputFields: (t) => ({ forum: t.field({ type: CommunityForumRef, resolve: (forum) => forum }) }) },
);

builder.relayMutationField(
  "addForumCommitment",
  {
    description: "The unit's head or the admin records what the unit promised at a forum; the unit's public scorecard shows it.",
    inputFields: (t) => ({
      forumId: t.globalID({ required: true, for: [CommunityForumRef] }),
      unitId: t.globalID({ required: true, for: [OrgUnitRef] }),
      commitment: t.string({ required: true, validate: commitmentText }),
      dueOn: t.field({ type: "Date", required: false }),
      aspirationId: t.globalID({ required: false, for: [ForumAspirationRef], description: "The aspiration of this forum it answers." }),
      indicatorId: t.globalID({ required: false, for: [IndicatorRef], description: "An SKP indicator of someone in the unit that tracks it." }),
    }),
  },
  {
    authScopes: { viewer: true },
    errors: {},
    resolve: (_root, { input }, ctx) =>
      ctx.perform((scope) =>
        addForumCommitment(scope, { ...input, forumId: input.forumId.id, unitId: input.unitId.id, aspirationId: input.aspirationId?.id ?? null, indicatorId: input.indicatorId?.id ?? null }),
      ),
  },
  { outputFields: (t) => ({ commitment: t.field({ type: ForumCommitmentRef, resolve: (commitment) => commitment }) }) },
);

builder.relayMutationField(
  "updateForumCommitment",
  {
    description: "Reports a commitment's progress (DONE needs what shows it, DROPPED needs why; the note is published) or revises it.",
    inputFields: (t) => ({
      id: t.globalID({ required: true, for: [ForumCommitmentRef] }),
      status: t.field({ type: CommitmentStatusEnum, required: false }),
      note: t.string({ required: false, validate: noteText }),
      commitment: t.string({ required: false, validate: commitmentText }),
      dueOn: t.field({ type: "Date", required: false }),
      indicatorId: t.globalID({ required: false, for: [IndicatorRef] }),
    }),
  },
  {
    authScopes: { viewer: true },
    errors: {},
    resolve: (_root, { input }, ctx) => ctx.perform((scope) => updateForumCommitment(scope, { ...input, id: input.id.id, indicatorId: input.indicatorId?.id ?? null })),
  },
  { outputFields: (t) => ({ commitment: t.field({ type: ForumCommitmentRef, resolve: (commitment) => commitment }) }) },
);
