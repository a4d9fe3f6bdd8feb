/** A person's record as the API returns it (GET /api/recipients/:id → { record, access }). */
export interface RecordView {
  id: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  nationalId: string;
  addressLine: string;
  postalCode: string;
  city: string;
  lat: number;
  lon: number;
  phone: string | null;
  consentShareWithNextOfKin: boolean;
  reservationAgainstSharing: boolean;
  reservationNote: string | null;
  version: number;
  updatedAt: string;
  primaryContact: { staffId: string; name: string; profession: string; phone: string | null } | null;
  teams: { id: string; name: string; validFrom: string }[];
  nextOfKin: { id: string; name: string; relation: string; phone: string | null; isClosest: boolean }[];
  teamMembers: { staffId: string; name: string; profession: string; competences: string[] }[];
}
