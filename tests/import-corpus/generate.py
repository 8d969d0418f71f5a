#!/usr/bin/env python3
"""Writes the import corpus: files the app must refuse (refused/) and files it must
accept (accepted/), each from the shipped sample with one thing broken.
expected.json maps each refused file to the sentences (or parts) its refusal must
contain. Run from the repository root: python3 tests/import-corpus/generate.py"""
import copy, json, os

ROOT = os.path.dirname(os.path.abspath(__file__))
FULL = json.load(open(os.path.join(ROOT, '..', '..', 'public', 'sample-register.json'), encoding='utf-8'))
# A small register keeps the corpus small: each theme's first objective, its first two activities.
SAMPLE = copy.deepcopy(FULL)
for theme in SAMPLE['register']['themes']:
    theme['objectives'] = theme['objectives'][:1]
    for objective in theme['objectives']:
        objective['activities'] = objective['activities'][:2]

def pretty(doc):
    return json.dumps(doc, indent=2, ensure_ascii=False) + '\n'

def variant(change):
    doc = copy.deepcopy(SAMPLE)
    change(doc)
    return pretty(doc)

def act(doc, t=0, o=0, a=0):
    return doc['register']['themes'][t]['objectives'][o]['activities'][a]

def setter(fn):
    def change(doc):
        fn(doc)
    return change

def trail_entry(**over):
    entry = {'lead': 'D. Atkinson', 'file': 'return-2019-20-q1-d-atkinson.xlsx', 'received': '2019-08-12T09:30:00Z',
             'applied': '2019-08-14T15:02:41Z', 'accepted': [{'activity': 'KA.01.01', 'fields': ['status', 'progress']}]}
    entry.update(over)
    return entry

sample_text = pretty(SAMPLE)
deep = '{"format": "activity-register", "version": 1, "register": ' + '[' * 300 + ']' * 300 + '}'

refused = {
    '01-empty.json': ('', ['The file is empty.']),
    '02-blank.json': ('  \n\t\n', ['The file is empty.']),
    '03-word-text.json': ('Corporate Plan Key Activities, Quarter 1\n', ['The file is not valid JSON: expected a value at line 1, column 1.']),
    '04-truncated.json': (sample_text[: len(sample_text) // 2], ['The file ends too early at line', 'it looks cut short.']),
    '05-trailing-comma.json': ('{"format": "activity-register", "version": 1,}', ['The file is not valid JSON: trailing comma at line 1, column 46.']),
    '06-latin-1.json': (None, ['The file is not UTF-8 text: the byte at position']),
    '07-package-json.json': ('{"name": "my-app", "version": "1.0.0"}', ['This is not an activity register file: it has no "format": "activity-register" field.']),
    '08-array.json': ('[1, 2, 3]', ['This is not an activity register file: it holds JSON, but not an object with a "format" field.']),
    '09-string.json': ('"KA.01.01"', ['This is not an activity register file: it holds JSON, but not an object']),
    '10-wrong-format-tag.json': (variant(lambda d: d.update(format='excalidraw')), ['This is not an activity register file: its format is "excalidraw", not "activity-register".']),
    '11-newer-version.json': (variant(lambda d: d.update(version=2)), ['The file was made by a newer version of the app (format version 2)']),
    '12-version-as-text.json': (variant(lambda d: d.update(version='1')), ['The file has no usable "version" number']),
    '13-version-zero.json': (variant(lambda d: d.update(version=0)), ['The file has no usable "version" number']),
    '14-no-register.json': ('{"format": "activity-register", "version": 1}', ['The file has no "register" field.']),
    '15-register-null.json': ('{"format": "activity-register", "version": 1, "register": null}', ['At register: this should be a group of fields in { }, but it is null (no value).']),
    '16-missing-title.json': (variant(lambda d: d['register'].pop('title')), ['At register: the field “title” is missing.']),
    '17-organisation-number.json': (variant(lambda d: d['register'].update(organisation=3)), ['At register.organisation: this should be text in double quotes, but it is the number 3.']),
    '18-status-number.json': (variant(lambda d: act(d).update(status=3)), ['In key activity KA.01.01: At register.themes[0].objectives[0].activities[0].status: this should be text in double quotes, but it is the number 3.']),
    '19-progress-not-a-list.json': (variant(lambda d: act(d).update(progress='Adopted in April.')), ['In key activity KA.01.01: At register.themes[0].objectives[0].activities[0].progress: this should be a list in [ ], but it is the text “Adopted in April.”.']),
    '20-unknown-status.json': (variant(lambda d: act(d, 1, 0, 0).update(status='purple')), ['Key activity KA.06.01 has the status "purple", which is not in the register\'s status set.']),
    '21-duplicate-ids.json': (variant(lambda d: act(d, 0, 0, 1).update(id='KA.01.01')), ['The key activity ID KA.01.01 is used twice (also at themes[0].objectives[0].activities[0]).']),
    '22-huge-title.json': (variant(lambda d: act(d).update(title='A' * 25000)), ['The text at themes[0].objectives[0].activities[0].title is 25,000 characters long; the most one field may hold is 20,000.']),
    '23-deeply-nested.json': (deep, ['The file nests its data far deeper than a register file does, so it was not read.']),
    '24-no-activities.json': (variant(lambda d: d['register'].update(themes=[])), ['The file holds no key activities, so importing it would leave an empty register.']),
    '25-quarter-five.json': (variant(lambda d: d['register']['period'].update(quarter=5)), ['At register.period: the quarter must be 1, 2, 3 or 4, not 5.']),
    '26-bad-financial-year.json': (variant(lambda d: d['register']['period'].update(financial_year='2019/21')), ['At register.period: the financial year must be written like "2019/20", not "2019/21".']),
    '27-unknown-activity-field.json': (variant(lambda d: act(d).update(rag='G')), ['In key activity KA.01.01: At register.themes[0].objectives[0].activities[0].rag: a register file has no field called “rag” here; check its spelling.']),
    '28-colour-with-css.json': (variant(lambda d: d['register']['statuses'][1].update(colour='#000; background: url(https://example.com/x)')), ['The status "Green" has the colour "#000; background: url(https://example.com/x)"; colours are written #rrggbb, such as #00703c.']),
    '29-duplicate-symbol.json': (variant(lambda d: d['register']['statuses'][2].update(symbol='●')), ['The status "Amber" has the same symbol "●" as statuses[1], so the two cannot be told apart in black-and-white print.']),
    '30-empty-status-set.json': (variant(lambda d: d['register'].update(statuses=[])), ['The status set is empty: a register needs at least one status.']),
    '31-two-broken-activities.json': (variant(lambda d: (act(d).update(status=1), act(d, 2, 0, 0).update(title=None))), [
        'In key activity KA.01.01: At register.themes[0].objectives[0].activities[0].status: this should be text in double quotes, but it is the number 1.',
        'In key activity KA.10.01: At register.themes[2].objectives[0].activities[0].title: this should be text in double quotes, but it is null (no value).',
    ]),
    '32-empty-activity-id.json': (variant(lambda d: act(d).update(id=' ')), ['The key activity "Adoption and Implementation of the Local Plan" has no ID.']),
    '33-missing-symbol.json': (variant(lambda d: d['register']['statuses'][0].update(symbol='')), ['The status "Complete" has no symbol, so it would show by colour alone.']),
    # Issue 12: what the editor refuses, the reader refuses.
    '34-duplicate-theme-title.json': (variant(lambda d: d['register']['themes'][1].update(title=d['register']['themes'][0]['title'])), ['The theme title “THE PLACE: an enterprising, vibrant place” is used twice (also at themes[0]); each theme needs a title of its own, or filtering by theme would leave activities out.']),
    '35-duplicate-objective-id.json': (variant(lambda d: d['register']['themes'][1]['objectives'][0].update(id='CO 1')), ['The objective ID CO 1 is used twice (also at themes[0].objectives[0]); each objective needs its own ID, or filtering by objective would leave activities out.']),
    '36-empty-theme-title.json': (variant(lambda d: d['register']['themes'][2].update(title='  ')), ['Theme 3 has no title.']),
    '37-white-status-colour.json': (variant(lambda d: d['register']['statuses'][1].update(colour='#ffffff')), ['The status "Green" has the colour #ffffff, with a contrast of 1.0:1 on white; it needs at least 3:1 to be seen. Choose a darker colour.']),
    '38-ids-differ-only-by-case.json': (variant(lambda d: act(d, 0, 0, 1).update(id='ka.01.01')), ['The key activity ID ka.01.01 is used twice (also at themes[0].objectives[0].activities[0]).']),
    '39-zero-width-space-in-id.json': (variant(lambda d: act(d, 0, 0, 1).update(id='KA.01\u200b.01')), ['The key activity ID “KA.01\ufffd.01” holds an invisible or control character (U+200B) at character 6; IDs may hold only characters that can be seen.']),
    '40-bidi-override-in-id.json': (variant(lambda d: act(d, 1, 0, 0).update(id='\u202e10.60.AK')), ['holds an invisible or control character (U+202E) at character 1']),
    '41-cyrillic-lookalike-id.json': (variant(lambda d: act(d, 0, 0, 1).update(id='\u041a\u0410.01.01')), ['The key activity ID \u041a\u0410.01.01 is used twice (also at themes[0].objectives[0].activities[0]).']),
    '42-duplicate-key.json': (sample_text.replace('"status": "green",', '"status": "green",\n              "status": "red",', 1), ['At register.themes[0].objectives[0].activities[0].status: the field “status” is given twice (again at line']),
    '43-long-value-quoted-short.json': (variant(lambda d: act(d).update(status='x' * 100000)), ['Key activity KA.01.01 has the status "'+'x' * 60+'…", which is not in the register\'s status set.']),
    '44-utf32.json': (('\ufeff' + sample_text).encode('utf-32-le'), ['The file is saved as UTF-32 text, which this app does not read. Save it as UTF-8']),
    '45-empty-objective-title.json': (variant(lambda d: d['register']['themes'][0]['objectives'][0].update(title='')), ['The objective CO 1 has no title.']),
    '46-empty-activity-title.json': (variant(lambda d: act(d, 2, 0, 1).update(title=' ')), ['The key activity KA.10.02 has no title.']),
    '47-rank-as-text.json': (variant(lambda d: d['register']['statuses'][0].update(rank='high')), ['At register.statuses[0].rank: this should be a whole number, but it is the text “high”.']),
    '48-rank-with-a-fraction.json': (sample_text.replace('"rank": 4,', '"rank": 4.5,', 1), ['At register.statuses[0].rank: this should be a whole number, but it is 4.5.']),
    '49-year-9999.json': (variant(lambda d: d['register']['period'].update(financial_year='9999/00')), ['At register.period: the financial year must start in 1900 to 9998, not 9999/00.']),
    '50-control-character-in-id.json': (variant(lambda d: act(d, 2, 0, 0).update(id='KA.10\u000701')), ['holds an invisible or control character (U+0007) at character 6']),
    '51-register-as-a-list.json': ('{"format": "activity-register", "version": 1, "register": []}', ['At register: this should be a group of fields in { }, but it is a list.']),
    '52-unquoted-field-name.json': ('{"format": "activity-register", version: 1}', ['The file is not valid JSON: expected a field name in double quotes at line 1, column 33.']),
    # Format 1.1: the version as a decimal, and the trail of applied returns.
    '53-newer-minor-version.json': (variant(lambda d: d.update(version=1.2)), ['The file was made by a newer version of the app (format version 1.2); this version reads format versions up to 1.1. Open it with the newer version.']),
    '54-trail-applied-before-received.json': (variant(lambda d: d['register'].update(trail=[trail_entry(applied='2019-08-01T08:00:00Z')])), ['The applied return 1 (return-2019-20-q1-d-atkinson.xlsx from D. Atkinson): it was applied before it was received.']),
    '55-trail-taking-a-title.json': (variant(lambda d: d['register'].update(trail=[trail_entry(accepted=[{'activity': 'KA.01.01', 'fields': ['title']}])])), ['The applied return 1 (return-2019-20-q1-d-atkinson.xlsx from D. Atkinson): each key activity is listed once, with its ID and one or more of status, progress and next_steps, each once.']),
}

accepted = {
    'utf8-with-bom.json': ('\ufeff' + sample_text).encode('utf-8'),
    'utf16-le-with-bom.json': ('\ufeff' + sample_text).encode('utf-16-le'),
    'markup-in-text.json': variant(lambda d: (
        act(d).update(title='<img src=x onerror="window.__pwned=1"> <b>Adoption</b> & "Local Plan"'),
        act(d).update(progress=['<script>window.__pwned=1</script>', "Robert'); DROP TABLE activities;--"]),
    )).encode('utf-8'),
    'whole-numbers-with-a-point.json': sample_text.replace('"version": 1.1,', '"version": 1.0,', 1).replace('"quarter": 1', '"quarter": 1.0', 1).replace('"rank": 4,', '"rank": 4.0,', 1).encode('utf-8'),
    'version-1.json': variant(lambda d: d.update(version=1)).encode('utf-8'),
    'with-a-trail.json': variant(lambda d: d['register'].update(trail=[trail_entry(), trail_entry(lead='S. Riley', accepted=[])])).encode('utf-8'),
    'no-meeting-or-author.json': variant(lambda d: [d['register'].pop(k) for k in ('meeting', 'meeting_date', 'author')]).encode('utf-8'),
}

expected = {}
for name, (text, messages) in refused.items():
    path = os.path.join(ROOT, 'refused', name)
    if text is None:  # Latin-1: "£" as the single byte 0xA3
        data = variant(lambda d: act(d).update(title='Budget of £5m')).encode('latin-1', errors='replace')
    elif isinstance(text, bytes):
        data = text
    else:
        data = text.encode('utf-8')
    open(path, 'wb').write(data)
    expected[name] = messages
for name, data in accepted.items():
    open(os.path.join(ROOT, 'accepted', name), 'wb').write(data)
with open(os.path.join(ROOT, 'expected.json'), 'w', encoding='utf-8') as f:
    json.dump(expected, f, indent=2, ensure_ascii=False)
    f.write('\n')
print(f'{len(refused)} refused, {len(accepted)} accepted')
