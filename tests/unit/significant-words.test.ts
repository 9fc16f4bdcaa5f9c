import { describe, expect, it } from "vitest";
import { MAX_SIGNIFICANT_WORDS, significantWords } from "../../domain/significant-words";

describe("significant words of a draft title", () => {
  it("keeps words of four letters or more, lower-cased, split as pg_trgm splits them", () => {
    expect(significantWords("Стресс-менеджмент для ОПЕРАТОРОВ смены")).toEqual({
      distinctive: ["стресс", "менеджмент", "смены"],
      common: ["операторов"],
    });
  });

  it("drops stop words, short words, numbers and repeats", () => {
    expect(significantWords("Как быть, если через 2026 год выгорание, выгорание и ещё раз")).toEqual({
      distinctive: ["выгорание"],
      common: [],
    });
    expect(significantWords("What to do with angry customers")).toEqual({ distinctive: ["angry"], common: ["customers"] });
  });

  it("tells domain-common words by stem and short ending, including one still being typed", () => {
    expect(significantWords("Работа с заявителями и сотрудниками").distinctive).toEqual([]);
    expect(significantWords("Выгорание у сотр")).toEqual({ distinctive: ["выгорание"], common: ["сотр"] });
    expect(significantWords("Клиентоориентированность и клиенты")).toEqual({
      distinctive: ["клиентоориентированность"],
      common: ["клиенты"],
    });
  });

  it("keeps at most six words, distinctive ones first", () => {
    const words = significantWords("услуги первый второй третий четвёртый пятый шестой седьмой");
    expect(words.distinctive).toEqual(["первый", "второй", "третий", "четвёртый", "пятый", "шестой"]);
    expect(words.common).toEqual([]);
    expect(words.distinctive.length + words.common.length).toBe(MAX_SIGNIFICANT_WORDS);
  });
});
