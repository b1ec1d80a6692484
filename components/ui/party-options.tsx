/** A party chooser's options after its empty choice: one per party, by name, its value the party's id. */
export function PartyOptions({ parties }: { parties: readonly { id: string; name: string }[] }) {
  return parties.map((p) => (
    <option key={p.id} value={p.id}>
      {p.name}
    </option>
  ));
}
