import { useState, type FormEvent } from 'react';
import { navigate } from '../../router.ts';
import { LIST_NAMES } from './list-catalogue.tsx';

/** Opens an entry by list and code (e.g. US 3A001.a.1). */
export function EntryLookup() {
  const [list, setList] = useState('US');
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const c = code.trim().replace(/^[A-Za-z]+:/, '');
    if (c) navigate(['controls', list, c]);
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="h-lookup">
      <h2 id="h-lookup">Look up an entry</h2>
      <div className="field-row">
        <label className="field">
          <span>List</span>
          <select name="list" value={list} onChange={(e) => setList(e.target.value)}>
            {Object.entries(LIST_NAMES).map(([id, name]) => (
              <option key={id} value={id}>
                {id} — {name}
              </option>
            ))}
          </select>
        </label>
        <label className="field grow">
          <span>Entry code</span>
          <input
            name="code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder="e.g. 3A001.a.1"
          />
        </label>
      </div>
      <button type="submit" className="btn btn-primary" disabled={!code.trim()}>
        Open entry
      </button>
    </form>
  );
}
