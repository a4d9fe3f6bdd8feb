import { describe, expect, it } from 'vitest';
import { countThemes, themesOfAnswer } from './themes.ts';

describe('themes in the open answers', () => {
  it('finds themes by whole words and by word beginnings', () => {
    expect(themesOfAnswer('Å få komme ut i hagen når det er fint vær')).toEqual(['outdoors']);
    expect(themesOfAnswer('At det er de samme som kommer, og at de kommer til avtalt tid')).toEqual(['time', 'faces']);
    expect(themesOfAnswer('Jeg er mye alene og vil gjerne prate litt')).toEqual(['company']);
    // «ut» is a whole word only: «utrolig» is not about going out.
    expect(themesOfAnswer('Utrolig fine folk')).toEqual([]);
  });

  it('counts answers per theme, most first, leaving out themes nobody touched', () => {
    const answers = [
      'Komme ut på tur', // outdoors
      'Få gå tur i hagen', // outdoors
      'Samme folk hver dag', // faces
      'Slippe å vente, og få beskjed når de blir forsinket', // time, information
      'Middag som smaker', // food
      'Nye ansikter hele tiden, og de kommer sent', // faces, time
    ];
    expect(countThemes(answers)).toEqual([
      { id: 'time', count: 2 },
      { id: 'faces', count: 2 },
      { id: 'outdoors', count: 2 },
      { id: 'food', count: 1 },
      { id: 'information', count: 1 },
    ]);
  });
});
