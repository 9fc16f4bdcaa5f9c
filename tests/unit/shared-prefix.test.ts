import { describe, expect, it } from "vitest";
import { withoutSharedPrefix } from "../../app/lib/shared-prefix";

describe("withoutSharedPrefix", () => {
  it("drops the words every label starts with", () => {
    expect(withoutSharedPrefix(["Центр госуслуг района Строгино", "Центр госуслуг Бескудниковского района", "Центр госуслуг района Бирюлёво Восточное"])).toEqual({
      labels: ["района Строгино", "Бескудниковского района", "района Бирюлёво Восточное"],
      prefix: "Центр госуслуг",
    });
  });

  it("leaves every label a word of its own", () => {
    expect(withoutSharedPrefix(["Центр госуслуг", "Центр госуслуг Арбат"])).toEqual({ labels: ["госуслуг", "госуслуг Арбат"], prefix: "Центр" });
  });

  it("changes nothing without a shared first word, or for a single label", () => {
    expect(withoutSharedPrefix(["Офис А", "Центр Б"])).toEqual({ labels: ["Офис А", "Центр Б"], prefix: "" });
    expect(withoutSharedPrefix(["Центр госуслуг района Строгино"])).toEqual({ labels: ["Центр госуслуг района Строгино"], prefix: "" });
  });
});
