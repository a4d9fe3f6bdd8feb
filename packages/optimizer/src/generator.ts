export interface GeneratorOptions { people?: number } ; export function generateDistrict(o: GeneratorOptions = {}): void { void o; }
