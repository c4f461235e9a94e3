-- CreateEnum
CREATE TYPE "PositionKind" AS ENUM ('JPT', 'ADMINISTRATOR', 'PENGAWAS', 'PELAKSANA', 'FUNGSIONAL');

-- CreateEnum
CREATE TYPE "IndicatorPerspective" AS ENUM ('PENERIMA_LAYANAN', 'PROSES_BISNIS', 'PENGUATAN_INTERNAL', 'ANGGARAN');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('SKP', 'EVALUATION');

-- AlterTable
ALTER TABLE "Employee" ADD COLUMN     "creditCoefficient" DECIMAL(6,2),
ADD COLUMN     "positionKind" "PositionKind" NOT NULL DEFAULT 'PELAKSANA';

-- AlterTable
ALTER TABLE "Skp" ADD COLUMN     "accountability" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "consequences" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "resourceSupport" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "perspective" "IndicatorPerspective";

-- CreateTable
CREATE TABLE "IssuedDocument" (
    "id" TEXT NOT NULL,
    "instansiId" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "subjectId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "pdfHash" TEXT NOT NULL,
    "issuedAt" TIMESTAMP(3) NOT NULL,
    "issuedById" TEXT,

    CONSTRAINT "IssuedDocument_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IssuedDocument_instansiId_subjectId_idx" ON "IssuedDocument"("instansiId", "subjectId");

