import type { Element } from "./ikm.ts";

// The nine SKM elements (unsur) of PermenPANRB 14/2017 with the question
// and the four answer labels (1 worst … 4 best) a survey form shows.

export interface ElementText {
  question: string;
  answers: [string, string, string, string];
}

export interface TemplateElement {
  element: Element;
  name: { id: string; en: string };
  id: ElementText;
  en: ElementText;
}

const suitability = {
  id: ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
  en: ["Not suitable", "Somewhat suitable", "Suitable", "Very suitable"],
} as const;

function element(
  code: Element,
  name: [string, string],
  question: [string, string],
  answers: { id: readonly string[]; en: readonly string[] } = suitability,
): TemplateElement {
  return {
    element: code,
    name: { id: name[0], en: name[1] },
    id: { question: question[0], answers: [...answers.id] as ElementText["answers"] },
    en: { question: question[1], answers: [...answers.en] as ElementText["answers"] },
  };
}

export const skmTemplate: readonly TemplateElement[] = [
  element("U1", ["Persyaratan", "Requirements"], [
    "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
    "How well do the service requirements fit the kind of service?",
  ]),
  element("U2", ["Sistem, mekanisme dan prosedur", "Systems, mechanisms and procedures"], [
    "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
    "How easy were the service procedures of this unit to follow?",
  ], {
    id: ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
    en: ["Not easy", "Somewhat easy", "Easy", "Very easy"],
  }),
  element("U3", ["Waktu penyelesaian", "Completion time"], [
    "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
    "How fast was the service delivered?",
  ], {
    id: ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
    en: ["Not fast", "Somewhat fast", "Fast", "Very fast"],
  }),
  element("U4", ["Biaya/tarif", "Cost/fee"], [
    "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
    "How fair was the cost or fee of the service?",
  ], {
    id: ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
    en: ["Very expensive", "Fairly expensive", "Cheap", "Free"],
  }),
  element("U5", ["Produk spesifikasi jenis pelayanan", "Service product specification"], [
    "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
    "How well did the result match what the service standard promises?",
  ]),
  element("U6", ["Kompetensi pelaksana", "Staff competence"], [
    "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
    "How competent were the staff who served you?",
  ], {
    id: ["Tidak kompeten", "Kurang kompeten", "Kompeten", "Sangat kompeten"],
    en: ["Not competent", "Somewhat competent", "Competent", "Very competent"],
  }),
  element("U7", ["Perilaku pelaksana", "Staff conduct"], [
    "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
    "How polite and friendly were the staff?",
  ], {
    id: ["Tidak sopan dan ramah", "Kurang sopan dan ramah", "Sopan dan ramah", "Sangat sopan dan ramah"],
    en: ["Not polite or friendly", "Somewhat polite and friendly", "Polite and friendly", "Very polite and friendly"],
  }),
  element("U8", ["Penanganan pengaduan, saran dan masukan", "Handling of complaints and suggestions"], [
    "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
    "How well are complaints from service users handled?",
  ], {
    id: ["Tidak ada", "Ada tetapi tidak berfungsi", "Berfungsi kurang maksimal", "Dikelola dengan baik"],
    en: ["None", "Exists but does not work", "Works, but not fully", "Well managed"],
  }),
  element("U9", ["Sarana dan prasarana", "Facilities"], [
    "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
    "How good are the facilities?",
  ], {
    id: ["Buruk", "Cukup", "Baik", "Sangat baik"],
    en: ["Poor", "Fair", "Good", "Very good"],
  }),
];
