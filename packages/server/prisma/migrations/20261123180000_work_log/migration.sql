-- CreateEnum
CREATE TYPE "WorkLogStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED');

-- AlterTable
ALTER TABLE "Instansi" ADD COLUMN     "workDaysPerWeek" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "workLogGraceDays" INTEGER NOT NULL DEFAULT 2;

-- CreateTable
CREATE TABLE "WorkLogEntry" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "rhkId" TEXT NOT NULL,
    "indicatorId" TEXT,
    "date" DATE NOT NULL,
    "activity" TEXT NOT NULL,
    "output" TEXT,
    "minutes" INTEGER NOT NULL,
    "evidenceUrl" TEXT,
    "status" "WorkLogStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMP(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "reviewerId" TEXT,
    "reviewedAt" TIMESTAMP(3),
    "reviewComment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkLogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkLogEntry_employeeId_date_idx" ON "WorkLogEntry"("employeeId", "date");

-- CreateIndex
CREATE INDEX "WorkLogEntry_rhkId_date_idx" ON "WorkLogEntry"("rhkId", "date");

-- CreateIndex
CREATE INDEX "WorkLogEntry_instansiId_status_idx" ON "WorkLogEntry"("instansiId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_instansiId_date_key" ON "Holiday"("instansiId", "date");

-- AddForeignKey
ALTER TABLE "WorkLogEntry" ADD CONSTRAINT "WorkLogEntry_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkLogEntry" ADD CONSTRAINT "WorkLogEntry_rhkId_fkey" FOREIGN KEY ("rhkId") REFERENCES "Rhk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WorkLogEntry" ADD CONSTRAINT "WorkLogEntry_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- What the application validates, held by the database too.
ALTER TABLE "Instansi" ADD CONSTRAINT "Instansi_workDaysPerWeek_check" CHECK ("workDaysPerWeek" IN (5, 6));
ALTER TABLE "Instansi" ADD CONSTRAINT "Instansi_workLogGraceDays_check" CHECK ("workLogGraceDays" BETWEEN 0 AND 10);
ALTER TABLE "WorkLogEntry" ADD CONSTRAINT "WorkLogEntry_minutes_check" CHECK ("minutes" BETWEEN 1 AND 1440);
