/** Plausible Norwegian names and Oslo street names for synthetic demo people. */
export const olderGivenNamesF = [
  'Anne', 'Inger', 'Kari', 'Marit', 'Ingrid', 'Liv', 'Eva', 'Berit', 'Astrid', 'Bjørg', 'Randi', 'Solveig',
  'Ragnhild', 'Gerd', 'Karin', 'Elisabeth', 'Turid', 'Aud', 'Kirsten', 'Else', 'Gunvor', 'Reidun', 'Sigrid',
  'Ruth', 'Margit', 'Johanne', 'Magnhild', 'Torill', 'Wenche', 'Unni',
];
export const olderGivenNamesM = [
  'Jan', 'Per', 'Bjørn', 'Ole', 'Lars', 'Kjell', 'Knut', 'Arne', 'Svein', 'Hans', 'Odd', 'Rolf', 'Terje',
  'Tor', 'Einar', 'Egil', 'Harald', 'Leif', 'Nils', 'Gunnar', 'Olav', 'Sverre', 'Reidar', 'Asbjørn',
  'Thor', 'Finn', 'Arild', 'Magne', 'Ivar', 'Johan',
];
export const staffGivenNames = [
  'Ida', 'Emma', 'Nora', 'Sara', 'Maria', 'Thea', 'Ingrid', 'Hanna', 'Silje', 'Camilla', 'Marte', 'Stine',
  'Amina', 'Fatima', 'Zahra', 'Agnieszka', 'Maja', 'Linnea', 'Jonas', 'Mathias', 'Emil', 'Henrik', 'Ahmed',
  'Ali', 'Tobias', 'Sander', 'Elias', 'Marius', 'Kristian', 'Jakub', 'Rune', 'Hilde', 'Tone', 'Heidi',
  'Lene', 'Mette', 'Anita', 'Gro', 'Siri', 'Åse',
];
export const familyNames = [
  'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen',
  'Karlsen', 'Johnsen', 'Pettersen', 'Eriksen', 'Berg', 'Haugen', 'Hagen', 'Johannessen', 'Andreassen',
  'Jacobsen', 'Dahl', 'Jørgensen', 'Halvorsen', 'Henriksen', 'Lund', 'Sørensen', 'Jakobsen', 'Moen',
  'Gundersen', 'Iversen', 'Strand', 'Solberg', 'Svendsen', 'Eide', 'Knutsen', 'Martinsen', 'Paulsen',
  'Bakken', 'Kristoffersen', 'Mathisen', 'Lie', 'Amundsen', 'Nguyen', 'Rasmussen', 'Ali', 'Lunde',
  'Solheim', 'Berge', 'Moe', 'Nygård', 'Bakke', 'Kowalski', 'Ahmed', 'Khan', 'Fredriksen', 'Aas',
];
export const streets = [
  'Tøyengata', 'Kolstadgata', 'Hagegata', 'Jens Bjelkes gate', 'Sørligata', 'Vahls gate', 'Smedgata',
  'Urtegata', 'Borggata', 'Vålerenggata', 'Strømsveien', 'Gladengveien', 'Kampengata', 'Normannsgata',
  'Schweigaards gate', 'Oslo gate', 'Konows gate', 'Enebakkveien', 'Ensjøveien', 'Hovinveien',
  'Nordkappgata', 'Gamlebyveien', 'Saxegaardsgata', 'Galgebergveien', 'Helgesens gate', 'Brinken',
];
export const relations = ['datter', 'sønn', 'ektefelle', 'samboer', 'nevø', 'niese', 'venn', 'søster', 'bror'];
