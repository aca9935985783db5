/** The grades of a self-evaluation (优、良、中、差), and their names: the one place a grade becomes words. */
export type Grade = "excellent" | "good" | "fair" | "poor";

export const GRADE_NAMES: Readonly<Record<Grade, { readonly zh: string; readonly en: string }>> = {
  excellent: { zh: "优", en: "Excellent" },
  good: { zh: "良", en: "Good" },
  fair: { zh: "中", en: "Fair" },
  poor: { zh: "差", en: "Poor" },
};

