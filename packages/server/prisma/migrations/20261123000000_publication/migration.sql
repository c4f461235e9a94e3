-- AlterTable
ALTER TABLE "Instansi" ADD COLUMN "anonymityFloor" INTEGER NOT NULL DEFAULT 5;

-- AlterTable
ALTER TABLE "PerformanceYear" ADD COLUMN "closedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PredikatPublication" (
    "yearId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "counts" INTEGER[],

    CONSTRAINT "PredikatPublication_pkey" PRIMARY KEY ("yearId","unitId")
);

-- CreateTable
CREATE TABLE "PublicSnapshot" (
    "unitId" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "body" JSONB NOT NULL,
    "basis" JSONB NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PublicSnapshot_pkey" PRIMARY KEY ("unitId")
);

-- CreateIndex
CREATE INDEX "PredikatPublication_unitId_idx" ON "PredikatPublication"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "PublicSnapshot_key_key" ON "PublicSnapshot"("key");

-- AddForeignKey
ALTER TABLE "PredikatPublication" ADD CONSTRAINT "PredikatPublication_yearId_fkey" FOREIGN KEY ("yearId") REFERENCES "PerformanceYear"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PredikatPublication" ADD CONSTRAINT "PredikatPublication_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicSnapshot" ADD CONSTRAINT "PublicSnapshot_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit"("id") ON DELETE CASCADE ON UPDATE CASCADE;
