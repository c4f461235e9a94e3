-- CreateEnum
CREATE TYPE "ForumKind" AS ENUM ('MUSYAWARAH_DESA', 'MUSRENBANG', 'FORUM_KONSULTASI_PUBLIK', 'DIALOG_PUBLIK', 'LAINNYA');

-- CreateEnum
CREATE TYPE "CommitmentStatus" AS ENUM ('PROMISED', 'IN_PROGRESS', 'DONE', 'DROPPED');

-- CreateTable
CREATE TABLE "CommunityForum" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "ForumKind" NOT NULL,
    "heldOn" DATE NOT NULL,
    "place" TEXT NOT NULL,
    "participants" INTEGER NOT NULL,
    "summary" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CommunityForum_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForumAspiration" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "forumId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "ForumAspiration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ForumCommitment" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "forumId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "aspirationId" TEXT,
    "commitment" TEXT NOT NULL,
    "dueOn" DATE,
    "status" "CommitmentStatus" NOT NULL DEFAULT 'PROMISED',
    "note" TEXT,
    "indicatorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ForumCommitment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CommunityForum_instansiId_heldOn_idx" ON "CommunityForum"("instansiId", "heldOn");

-- CreateIndex
CREATE UNIQUE INDEX "ForumAspiration_forumId_position_key" ON "ForumAspiration"("forumId", "position");

-- CreateIndex
CREATE INDEX "ForumCommitment_unitId_idx" ON "ForumCommitment"("unitId");

-- CreateIndex
CREATE INDEX "ForumCommitment_forumId_idx" ON "ForumCommitment"("forumId");

-- AddForeignKey
ALTER TABLE "ForumAspiration" ADD CONSTRAINT "ForumAspiration_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "CommunityForum"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumCommitment" ADD CONSTRAINT "ForumCommitment_forumId_fkey" FOREIGN KEY ("forumId") REFERENCES "CommunityForum"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumCommitment" ADD CONSTRAINT "ForumCommitment_aspirationId_fkey" FOREIGN KEY ("aspirationId") REFERENCES "ForumAspiration"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumCommitment" ADD CONSTRAINT "ForumCommitment_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

