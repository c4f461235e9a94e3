import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./generated/gql.ts";
import { startApi, type Api } from "./support/api.ts";
import { databaseKinds } from "./support/databases.ts";
import { gid, seedOrganisation, type Organisation } from "./support/organisation.ts";
import { databaseFingerprint } from "./support/snapshot.ts";
import { payloadOf } from "./support/payload.ts";

// Community forums: the admin records a musyawarah and what citizens asked
// for; the unit's head records what the unit promised and reports it kept;
// the unit's public scorecard shows each commitment with its status.

const record = graphql(`mutation ForumRecord($input: RecordForumInput!) {
  recordForum(input: $input) { __typename ... on Error { message } ... on RecordForumPayload { forum { id title participants aspirations { id text } } } }
}`);
const commit = graphql(`mutation ForumCommit($input: AddForumCommitmentInput!) {
  addForumCommitment(input: $input) { __typename ... on Error { message } ... on AddForumCommitmentPayload { commitment { id status trackedBy aspiration { text } unit { slug } } } }
}`);
const update = graphql(`mutation ForumCommitmentUpdate($input: UpdateForumCommitmentInput!) {
  updateForumCommitment(input: $input) { __typename ... on Error { message } ... on UpdateForumCommitmentPayload { commitment { status note } } }
}`);
const forums = graphql(`query ForumList { forums(first: 10) { edges { node { title kind heldOn place participants aspirations { text } commitments { commitment status unit { slug } } } } } }`);
const publish = graphql(`mutation ForumPublish($input: PublishScorecardInput!) { publishScorecard(input: $input) { __typename ... on Error { message } } }`);
const card = graphql(`query ForumCard { scorecard(instansi: "kota-salatiga", unit: "dinas-kesehatan") { commitments { commitment status dueOn note aspiration forum { title kind heldOn place participants } } } }`);

const now = new Date("2026-08-20T03:00:00Z");

describe.each(databaseKinds)("community forums on %s", (kind) => {
  let api: Api;
  let org: Organisation;
  beforeAll(async () => {
    api = await startApi(kind, { anonymousOperations: "any" }, { clock: () => now });
    org = await seedOrganisation(api.prisma, "kota-salatiga");
    payloadOf(await api.request(org.tokens.admin!, publish, { input: { unitId: org.ids.unit, published: true } }));
  });
  afterAll(() => api?.close());

  const forum = {
    title: "Musyawarah Kelurahan Kutowinangun Lor",
    kind: "MUSYAWARAH_DESA" as const,
    heldOn: "2026-08-14",
    place: "Balai Kelurahan Kutowinangun Lor",
    participants: 64,
    summary: "Warga menilai layanan posyandu dan puskesmas pembantu.",
    aspirations: ["Jadwal imunisasi diumumkan lewat grup WhatsApp RT", "Puskesmas pembantu buka hari Sabtu"],
  };

  it("records a forum, the unit's commitments and their progress, and publishes them on the unit's scorecard", async () => {
    const before = await databaseFingerprint(api.prisma);
    expect((await api.request(org.tokens.kepala!, record, { input: forum })).data!.recordForum.__typename).toBe("ForbiddenError");
    const future = (await api.request(org.tokens.admin!, record, { input: { ...forum, heldOn: "2026-08-21" } })).data!.recordForum;
    expect(future).toMatchObject({ __typename: "InputValidationError", message: expect.stringMatching(/once it has been held/) });
    expect(await databaseFingerprint(api.prisma)).toBe(before);

    const recorded = payloadOf(await api.request(org.tokens.admin!, record, { input: forum }));
    const { id: forumId, aspirations } = recorded.__typename === "RecordForumPayload" ? recorded.forum : { id: "", aspirations: [] };
    expect(aspirations.map((a) => a.text)).toEqual(forum.aspirations);

    const promise = { forumId, unitId: org.ids.unit, commitment: "Mengumumkan jadwal imunisasi bulanan lewat grup WhatsApp tiap RT", dueOn: "2026-09-30", aspirationId: aspirations[0]!.id };
    // Another forum's aspiration and an indicator of another unit's SKP, to link by mistake.
    const other = payloadOf(await api.request(org.tokens.admin!, record, { input: { ...forum, title: "Forum Konsultasi Publik", kind: "FORUM_KONSULTASI_PUBLIK" } }));
    const foreignAspiration = other.__typename === "RecordForumPayload" ? other.forum.aspirations[0]!.id : "";
    const otherSkp = await api.prisma.skp.create({ data: { instansiId: org.instansi.id, employeeId: org.people.other!.id, yearId: org.skp.yearId } });
    const otherRhk = await api.prisma.rhk.create({ data: { instansiId: org.instansi.id, skpId: otherSkp.id, kind: "UTAMA", description: "Bantuan sosial tepat sasaran" } });
    const otherIndicator = await api.prisma.indicator.create({ data: { instansiId: org.instansi.id, rhkId: otherRhk.id, aspect: "KUALITAS", description: "Data penerima diperbarui", targetValue: 100, targetUnit: "%" } });

    // Not the unit's head, another unit, another forum's aspiration, another unit's indicator: refused, nothing stored.
    const beforeCommit = await databaseFingerprint(api.prisma);
    expect((await api.request(org.tokens.kasi!, commit, { input: promise })).data!.addForumCommitment.__typename).toBe("ForbiddenError");
    expect((await api.request(org.tokens.kepala!, commit, { input: { ...promise, unitId: org.ids.otherUnit } })).data!.addForumCommitment.__typename).toBe("ForbiddenError");
    const wrongAspiration = (await api.request(org.tokens.kepala!, commit, { input: { ...promise, aspirationId: foreignAspiration } })).data!.addForumCommitment;
    expect(wrongAspiration).toMatchObject({ __typename: "InputValidationError", message: expect.stringMatching(/aspiration recorded at this forum/) });
    const wrongIndicator = (await api.request(org.tokens.kepala!, commit, { input: { ...promise, indicatorId: gid("Indicator", otherIndicator.id) } })).data!.addForumCommitment;
    expect(wrongIndicator).toMatchObject({ __typename: "InputValidationError", message: expect.stringMatching(/SKP in the unit/) });
    expect(await databaseFingerprint(api.prisma)).toBe(beforeCommit);

    // The head promises, tracked by an indicator of an SKP in the unit.
    const made = payloadOf(await api.request(org.tokens.kepala!, commit, { input: { ...promise, indicatorId: org.ids.indicator } }));
    expect(made).toMatchObject({ commitment: { status: "PROMISED", trackedBy: org.ids.indicator, aspiration: { text: forum.aspirations[0] }, unit: { slug: "dinas-kesehatan" } } });
    const commitmentId = made.__typename === "AddForumCommitmentPayload" ? made.commitment.id : "";

    await api.publication.idle();
    const published = { commitment: promise.commitment, dueOn: "2026-09-30", aspiration: forum.aspirations[0], forum: { title: forum.title, kind: forum.kind, heldOn: forum.heldOn, place: forum.place, participants: 64 } };
    expect((await api.request(null, card)).data!.scorecard!.commitments).toEqual([{ ...published, status: "PROMISED", note: null }]);

    // Kept needs what shows it; the note is published with it.
    expect((await api.request(org.tokens.kepala!, update, { input: { id: commitmentId, status: "DONE" } })).data!.updateForumCommitment.__typename).toBe("InputValidationError");
    const note = "Jadwal September dan Oktober dikirim ke 42 grup RT; tangkapan layar di arsip Dinkes.";
    expect(payloadOf(await api.request(org.tokens.kepala!, update, { input: { id: commitmentId, status: "DONE", note } }))).toMatchObject({ commitment: { status: "DONE", note } });
    await api.publication.idle();
    expect((await api.request(null, card)).data!.scorecard!.commitments).toEqual([{ ...published, status: "DONE", note }]);

    // Every member of the instansi reads the forums (public business), with what was promised.
    const list = (await api.request(org.tokens.staff!, forums)).data!.forums.edges.map((e) => e.node);
    const { summary: _summary, ...listed } = forum;
    expect(list).toContainEqual({ ...listed, aspirations: forum.aspirations.map((text) => ({ text })), commitments: [{ commitment: promise.commitment, status: "DONE", unit: { slug: "dinas-kesehatan" } }] });

    const trail = await api.prisma.auditLog.findMany({ where: { entity: { in: ["CommunityForum", "ForumCommitment"] } }, orderBy: { at: "asc" } });
    expect(trail.map((entry) => `${entry.entity}:${entry.action}`)).toEqual(["CommunityForum:record", "CommunityForum:record", "ForumCommitment:commit", "ForumCommitment:update"]);
  });
});
