-- AlterTable
ALTER TABLE "Instansi" ADD COLUMN     "tppRules" JSONB;

-- CreateTable
CREATE TABLE "TppInput" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "baseAmount" INTEGER NOT NULL,
    "absentDays" INTEGER NOT NULL DEFAULT 0,
    "lateArrivals" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TppInput_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TppRun" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "lines" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "computedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TppRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "TppInput_instansiId_month_idx" ON "TppInput"("instansiId", "month");

-- CreateIndex
CREATE UNIQUE INDEX "TppInput_employeeId_month_key" ON "TppInput"("employeeId", "month");

-- CreateIndex
CREATE INDEX "TppRun_instansiId_month_computedAt_idx" ON "TppRun"("instansiId", "month", "computedAt");

-- AddForeignKey
ALTER TABLE "TppInput" ADD CONSTRAINT "TppInput_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "Employee"("id") ON DELETE CASCADE ON UPDATE CASCADE;

