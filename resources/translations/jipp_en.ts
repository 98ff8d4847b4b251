<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>Add photo or scan…</source>
        <translation>Add photo or scan…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Files added now are stored when you save.</source>
        <translation>Files added now are stored when you save.</translation>
    </message>
    <message>
        <source>Add photo or scan</source>
        <translation>Add photo or scan</translation>
    </message>
    <message>
        <source>Photos and documents (*.jpg *.jpeg *.png *.pdf);;All files (*)</source>
        <translation>Photos and documents (*.jpg *.jpeg *.png *.pdf);;All files (*)</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Notice</source>
        <translation>Notice</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>CategoryInput</name>
    <message>
        <source>Category in your own words</source>
        <translation>Category in your own words</translation>
    </message>
    <message>
        <source>%1: in your own words</source>
        <translation>%1: in your own words</translation>
    </message>
    <message>
        <source>Other (write it)</source>
        <translation>Other (write it)</translation>
    </message>
</context>
<context>
    <name>ChildTable</name>
    <message>
        <source>Add row</source>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Add a row (Insert)</source>
        <translation>Add a row (Insert)</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Row %1: %2</source>
        <translation>Row %1: %2</translation>
    </message>
</context>
<context>
    <name>ChooseRecordDialog</name>
    <message>
        <source>Type part of the name…</source>
        <translation>Type part of the name…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
</context>
<context>
    <name>CopyToHubsDialog</name>
    <message>
        <source>Copy for other hubs</source>
        <translation>Copy for other hubs</translation>
    </message>
    <message>
        <source>Each ticked hub gets a copy with the same kind, event, date, place, text and witnesses (signatories who are not from a regional government). Type each hub's number; typing it ticks the hub.</source>
        <translation>Each ticked hub gets a copy with the same kind, event, date, place, text and witnesses (signatories who are not from a regional government). Type each hub's number; typing it ticks the hub.</translation>
    </message>
    <message>
        <source>Innovation hub</source>
        <translation>Innovation hub</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Hubs to copy to</source>
        <translation>Hubs to copy to</translation>
    </message>
    <message>
        <source>Make copies</source>
        <translation>Make copies</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>Getting started</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <source>There is no data in this folder yet. Start in one of three ways: record your province's innovation hub, import a package you received from the province or the ministry (the data of other laptops), or try the app with example data.</source>
        <translation>There is no data in this folder yet. Start in one of three ways: record your province's innovation hub, import a package you received from the province or the ministry (the data of other laptops), or try the app with example data.</translation>
    </message>
    <message>
        <source>Import a package from the province or the ministry…</source>
        <translation>Import a package from the province or the ministry…</translation>
    </message>
    <message>
        <source>Load example data</source>
        <translation>Load example data</translation>
    </message>
    <message>
        <source>Follow-ups overdue or due this month</source>
        <translation>Follow-ups overdue or due this month</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Person in charge</source>
        <translation>Person in charge</translation>
    </message>
    <message>
        <source>Visit place</source>
        <translation>Visit place</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>No follow-up is overdue or due this month.</source>
        <translation>No follow-up is overdue or due this month.</translation>
    </message>
    <message>
        <source>Hello, %1.</source>
        <translation>Hello, %1.</translation>
    </message>
    <message>
        <source>Hello.</source>
        <translation>Hello.</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Click a number or a bar to open the matching list.</source>
        <translation>Click a number or a bar to open the matching list.</translation>
    </message>
    <message>
        <source>Create the innovation hub of %1…</source>
        <translation>Create the innovation hub of %1…</translation>
    </message>
    <message>
        <source>Create your province's innovation hub…</source>
        <translation>Create your province's innovation hub…</translation>
    </message>
    <message>
        <source>Innovations</source>
        <translation>Innovations</translation>
    </message>
    <message>
        <source>Innovations by stage</source>
        <translation>Innovations by stage</translation>
    </message>
    <message>
        <source>No innovations recorded yet.</source>
        <translation>No innovations recorded yet.</translation>
    </message>
    <message>
        <source>Innovations by category (largest %1)</source>
        <translation>Innovations by category (largest %1)</translation>
    </message>
    <message>
        <source>No innovation has a category yet.</source>
        <translation>No innovation has a category yet.</translation>
    </message>
    <message>
        <source>Replication progress by province</source>
        <translation>Replication progress by province</translation>
    </message>
    <message>
        <source>No replications recorded yet.</source>
        <translation>No replications recorded yet.</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visits</translation>
    </message>
    <message>
        <source>Mentoring visits per month</source>
        <translation>Mentoring visits per month</translation>
    </message>
    <message>
        <source>No visits in the last 12 months.</source>
        <translation>No visits in the last 12 months.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. 28 September 2022</source>
        <translation>e.g. 28 September 2022</translation>
    </message>
    <message>
        <source>Choose from the calendar (Alt+Down)</source>
        <translation>Choose from the calendar (Alt+Down)</translation>
    </message>
    <message>
        <source>Choose from the calendar</source>
        <translation>Choose from the calendar</translation>
    </message>
</context>
<context>
    <name>Display</name>
    <message>
        <source>never</source>
        <translation>never</translation>
    </message>
</context>
<context>
    <name>EncryptionBox</name>
    <message>
        <source>Data protection</source>
        <translation>Data protection</translation>
    </message>
    <message>
        <source>Encrypt…</source>
        <translation>Encrypt…</translation>
    </message>
    <message>
        <source>Change passphrase…</source>
        <translation>Change passphrase…</translation>
    </message>
    <message>
        <source>Turn encryption off…</source>
        <translation>Turn encryption off…</translation>
    </message>
    <message>
        <source>This data folder is encrypted: its database, backups, attachments and sync reports cannot be read without the passphrase, which the app asks for at every start.</source>
        <translation>This data folder is encrypted: its database, backups, attachments and sync reports cannot be read without the passphrase, which the app asks for at every start.</translation>
    </message>
    <message>
        <source>This data folder is not encrypted: whoever has this laptop can read the names, NIPs and phone numbers in it. Encrypt it with a passphrase that you write down and keep apart from the laptop.</source>
        <translation>This data folder is not encrypted: whoever has this laptop can read the names, NIPs and phone numbers in it. Encrypt it with a passphrase that you write down and keep apart from the laptop.</translation>
    </message>
    <message>
        <source>Encrypt the data folder</source>
        <translation>Encrypt the data folder</translation>
    </message>
    <message>
        <source>Write this passphrase down and keep it apart from the laptop. Without it nobody, not even the JIPP team, can open the data again.</source>
        <translation>Write this passphrase down and keep it apart from the laptop. Without it nobody, not even the JIPP team, can open the data again.</translation>
    </message>
    <message>
        <source>The data folder is encrypted.</source>
        <translation>The data folder is encrypted.</translation>
    </message>
    <message>
        <source>Current passphrase of the data folder:</source>
        <translation>Current passphrase of the data folder:</translation>
    </message>
    <message>
        <source>Change the passphrase</source>
        <translation>Change the passphrase</translation>
    </message>
    <message>
        <source>The new passphrase replaces the old one at once; the old one will no longer open the data folder or its backups. Write the new one down.</source>
        <translation>The new passphrase replaces the old one at once; the old one will no longer open the data folder or its backups. Write the new one down.</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>The passphrase was changed.</translation>
    </message>
    <message>
        <source>Turning encryption off stores the data unencrypted again, readable by whoever has this laptop. Current passphrase, to confirm:</source>
        <translation>Turning encryption off stores the data unencrypted again, readable by whoever has this laptop. Current passphrase, to confirm:</translation>
    </message>
    <message>
        <source>The data folder is no longer encrypted.</source>
        <translation>The data folder is no longer encrypted.</translation>
    </message>
    <message>
        <source>Not converted: the data folder stays as it was.</source>
        <translation>Not converted: the data folder stays as it was.</translation>
    </message>
    <message>
        <source>Cancelled: the data folder stays as it was.</source>
        <translation>Cancelled: the data folder stays as it was.</translation>
    </message>
    <message>
        <source>Converting the database and its backups…</source>
        <translation>Converting the database and its backups…</translation>
    </message>
</context>
<context>
    <name>ExportAction</name>
    <message>
        <source>Export signatories…</source>
        <translation>Export signatories…</translation>
    </message>
    <message>
        <source>Save every signatory of the commitments, NIP as text, to Excel or CSV</source>
        <translation>Save every signatory of the commitments, NIP as text, to Excel or CSV</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Save the rows of this list as an Excel or CSV file</source>
        <translation>Save the rows of this list as an Excel or CSV file</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>CSV for Indonesian Excel, semicolon-separated (*.csv)</source>
        <translation>CSV for Indonesian Excel, semicolon-separated (*.csv)</translation>
    </message>
    <message>
        <source>CSV, comma-separated (*.csv)</source>
        <translation>CSV, comma-separated (*.csv)</translation>
    </message>
    <message>
        <source>Export list</source>
        <translation>Export list</translation>
    </message>
    <message>
        <source>signatories</source>
        <translation>signatories</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) exported to %1.</source>
        <translation>
            <numerusform>%n row exported to %1.</numerusform>
            <numerusform>%n rows exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>All provinces</source>
        <translation>All provinces</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>All regencies/cities</source>
        <translation>All regencies/cities</translation>
    </message>
    <message>
        <source>Regency/city</source>
        <translation>Regency/city</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>All categories</translation>
    </message>
    <message>
        <source>%1: all</source>
        <translation>%1: all</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Show all</translation>
    </message>
    <message>
        <source>Remove the link filter</source>
        <translation>Remove the link filter</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Change history</source>
        <translation>Change history</translation>
    </message>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Workstation</translation>
    </message>
    <message>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import innovations</source>
        <translation>Import innovations</translation>
    </message>
    <message>
        <source>Choose a file made from the template.</source>
        <translation>Choose a file made from the template.</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Choose file…</translation>
    </message>
    <message>
        <source>Save template…</source>
        <translation>Save template…</translation>
    </message>
    <message>
        <source>Rows with problems</source>
        <translation>Rows with problems</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Import valid rows only</source>
        <translation>Import valid rows only</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Spreadsheets (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>Checking every row…</source>
        <translation>Checking every row…</translation>
    </message>
    <message>
        <source>%1 rows: %2 valid, %3 with problems.</source>
        <translation>%1 rows: %2 valid, %3 with problems.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Importing…</translation>
    </message>
    <message>
        <source>%1 innovations imported; %2 rows skipped.</source>
        <translation>%1 innovations imported; %2 rows skipped.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>JIPP Desktop</source>
        <translation>JIPP Desktop</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>&amp;New record</source>
        <translation>&amp;New record</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Undo delete</translation>
    </message>
    <message>
        <source>&amp;Duplicate</source>
        <translation>&amp;Duplicate</translation>
    </message>
    <message>
        <source>Fill with &amp;example data…</source>
        <translation>Fill with &amp;example data…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;About JIPP Desktop</source>
        <translation>&amp;About JIPP Desktop</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Main toolbar</translation>
    </message>
    <message>
        <source>%1 is not available in this version.</source>
        <translation>%1 is not available in this version.</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) duplicated.</source>
        <translation>
            <numerusform>%n record duplicated.</numerusform>
            <numerusform>%n records duplicated.</numerusform>
        </translation>
    </message>
    <message>
        <source>Example data is not available in this version.</source>
        <translation>Example data is not available in this version.</translation>
    </message>
    <message>
        <source>Example data</source>
        <translation>Example data</translation>
    </message>
    <message>
        <source>Creating example records…</source>
        <translation>Creating example records…</translation>
    </message>
    <message>
        <source>About JIPP Desktop</source>
        <translation>About JIPP Desktop</translation>
    </message>
    <message>
        <source>JIPP Desktop %1
Offline records for public-service innovation hubs.</source>
        <translation>JIPP Desktop %1
Offline records for public-service innovation hubs.</translation>
    </message>
    <message>
        <source>Last exchange: %1</source>
        <translation>Last exchange: %1</translation>
    </message>
</context>
<context>
    <name>NewPassphraseDialog</name>
    <message>
        <source>Other words</source>
        <translation>Other words</translation>
    </message>
    <message>
        <source>Type it again, from what you wrote down:</source>
        <translation>Type it again, from what you wrote down:</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>The two passphrases differ.</translation>
    </message>
</context>
<context>
    <name>NewRecordDialog</name>
    <message>
        <source>New record</source>
        <translation>New record</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>Kind of record</translation>
    </message>
    <message>
        <source>Which kind of record do you want to create?</source>
        <translation>Which kind of record do you want to create?</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Save (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save and close</source>
        <translation>Save and close</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Replications of this innovation (%1)</source>
        <translation>Replications of this innovation (%1)</translation>
    </message>
    <message>
        <source>New replication of this innovation</source>
        <translation>New replication of this innovation</translation>
    </message>
    <message>
        <source>Open the source innovation</source>
        <translation>Open the source innovation</translation>
    </message>
    <message>
        <source>Open its commitment statement</source>
        <translation>Open its commitment statement</translation>
    </message>
    <message>
        <source>Mentoring visits</source>
        <translation>Mentoring visits</translation>
    </message>
    <message>
        <source>Work plans</source>
        <translation>Work plans</translation>
    </message>
    <message>
        <source>Open the hub</source>
        <translation>Open the hub</translation>
    </message>
    <message>
        <source>Replications under this commitment</source>
        <translation>Replications under this commitment</translation>
    </message>
    <message>
        <source>Copy for other hubs… (Ctrl+Shift+D)</source>
        <translation>Copy for other hubs… (Ctrl+Shift+D)</translation>
    </message>
    <message>
        <source>Duplicate (Ctrl+D)</source>
        <translation>Duplicate (Ctrl+D)</translation>
    </message>
    <message>
        <source>Not saved: the database is busy.</source>
        <translation>Not saved: the database is busy.</translation>
    </message>
    <message>
        <source>What you typed is still in the form.</source>
        <translation>What you typed is still in the form.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Reload the record? Its newest values come in; your other changes stay in the form, and each field changed meanwhile shows the value you typed.</source>
        <translation>Reload the record? Its newest values come in; your other changes stay in the form, and each field changed meanwhile shows the value you typed.</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <source>You typed: %1</source>
        <translation>You typed: %1</translation>
    </message>
    <message>
        <source>Someone saved this record after you opened it. It now shows their values, with your other changes kept; check the marked fields and save again.</source>
        <translation>Someone saved this record after you opened it. It now shows their values, with your other changes kept; check the marked fields and save again.</translation>
    </message>
    <message numerus="yes">
        <source>Please correct the marked fields (%n problem(s)).</source>
        <translation>
            <numerusform>Please correct the marked fields (%n problem).</numerusform>
            <numerusform>Please correct the marked fields (%n problems).</numerusform>
        </translation>
    </message>
    <message>
        <source>This record has unsaved changes. Save them?</source>
        <translation>This record has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>New %1</source>
        <translation>New %1</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) made.</source>
        <translation>
            <numerusform>%n copy(ies) made.</numerusform>
            <numerusform>%n copy(ies) made.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <source>Search (Ctrl+F)…</source>
        <translation>Search (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>Trash</translation>
    </message>
    <message>
        <source>Show deleted records</source>
        <translation>Show deleted records</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Columns</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
    <message>
        <source>Save the rows of this list as an Excel or CSV file</source>
        <translation>Save the rows of this list as an Excel or CSV file</translation>
    </message>
    <message numerus="yes">
        <source>Move %n record(s) to the trash?</source>
        <translation>
            <numerusform>Move %n record to the trash?</numerusform>
            <numerusform>Move %n records to the trash?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) restored.</source>
        <translation>
            <numerusform>%n record restored.</numerusform>
            <numerusform>%n records restored.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export signatories…</source>
        <translation>Export signatories…</translation>
    </message>
    <message>
        <source>Save every signatory of the commitments, NIP as text, to Excel or CSV</source>
        <translation>Save every signatory of the commitments, NIP as text, to Excel or CSV</translation>
    </message>
    <message>
        <source>more than %1 record(s)…</source>
        <translation>more than %1 record(s)…</translation>
    </message>
    <message>
        <source>%1 record(s) in the trash</source>
        <translation>%1 record(s) in the trash</translation>
    </message>
    <message>
        <source>%1 record(s)</source>
        <translation>%1 record(s)</translation>
    </message>
</context>
<context>
    <name>RefInput</name>
    <message>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <source>Create a new %1 (F2)</source>
        <translation>Create a new %1 (F2)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
</context>
<context>
    <name>RegionInput</name>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Regency/city</source>
        <translation>Regency/city</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>(all provinces)</source>
        <translation>(all provinces)</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>All years</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Words in the title, agency, …</source>
        <translation>Words in the title, agency, …</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>With a cover letter</source>
        <translation>With a cover letter</translation>
    </message>
    <message>
        <source>e.g. 000.1.2/45/ORG/2025</source>
        <translation>e.g. 000.1.2/45/ORG/2025</translation>
    </message>
    <message>
        <source>Letter number</source>
        <translation>Letter number</translation>
    </message>
    <message>
        <source>e.g. Deputi Bidang Pelayanan Publik</source>
        <translation>e.g. Deputi Bidang Pelayanan Publik</translation>
    </message>
    <message>
        <source>Addressed to</source>
        <translation>Addressed to</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Generate</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Print a report</source>
        <translation>Print a report</translation>
    </message>
    <message>
        <source>Innovations from a spreadsheet</source>
        <translation>Innovations from a spreadsheet</translation>
    </message>
    <message>
        <source>Save import template…</source>
        <translation>Save import template…</translation>
    </message>
    <message>
        <source>Import innovations…</source>
        <translation>Import innovations…</translation>
    </message>
    <message>
        <source>Fill the template in Excel or LibreOffice, then import it: every row is checked before anything is stored.</source>
        <translation>Fill the template in Excel or LibreOffice, then import it: every row is checked before anything is stored.</translation>
    </message>
    <message>
        <source>Report preview</source>
        <translation>Report preview</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>(choose a province)</source>
        <translation>(choose a province)</translation>
    </message>
    <message>
        <source>There is no record of this kind to print yet. Record one first, or choose another report.</source>
        <translation>There is no record of this kind to print yet. Record one first, or choose another report.</translation>
    </message>
    <message>
        <source>Choose the record to print (the one changed last is already chosen), then press Generate.</source>
        <translation>Choose the record to print (the one changed last is already chosen), then press Generate.</translation>
    </message>
    <message>
        <source>Choose the province and, if you like, a period, then press Generate.</source>
        <translation>Choose the province and, if you like, a period, then press Generate.</translation>
    </message>
    <message>
        <source>Narrow the report if you like, then press Generate.</source>
        <translation>Narrow the report if you like, then press Generate.</translation>
    </message>
    <message>
        <source>No report yet</source>
        <translation>No report yet</translation>
    </message>
    <message>
        <source>The preview appears here; print or save it from the buttons on the left.</source>
        <translation>The preview appears here; print or save it from the buttons on the left.</translation>
    </message>
    <message>
        <source>Choose a record first.</source>
        <translation>Choose a record first.</translation>
    </message>
    <message>
        <source>Choose a province first.</source>
        <translation>Choose a province first.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Generating…</translation>
    </message>
    <message>
        <source>Generating the report…</source>
        <translation>Generating the report…</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s).</source>
        <translation>
            <numerusform>%n page.</numerusform>
            <numerusform>%n pages.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>Saved to %1.</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>The printer could not be started.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <source>Officer name</source>
        <translation>Officer name</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>NIP (18 digits)</source>
        <translation>NIP (18 digits)</translation>
    </message>
    <message>
        <source>Hub province</source>
        <translation>Hub province</translation>
    </message>
    <message>
        <source>Laptop name</source>
        <translation>Laptop name</translation>
    </message>
    <message>
        <source>Shown to other laptops when exchanging data.</source>
        <translation>Shown to other laptops when exchanging data.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Letterhead: government</source>
        <translation>Letterhead: government</translation>
    </message>
    <message>
        <source>e.g. PEMERINTAH PROVINSI …</source>
        <translation>e.g. PEMERINTAH PROVINSI …</translation>
    </message>
    <message>
        <source>Letterhead: unit</source>
        <translation>Letterhead: unit</translation>
    </message>
    <message>
        <source>Letterhead: address</source>
        <translation>Letterhead: address</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Laptop key fingerprint</source>
        <translation>Laptop key fingerprint</translation>
    </message>
    <message>
        <source>empty: this laptop's own database; postgresql://USER@HOST:PORT/NAME</source>
        <translation>empty: this laptop's own database; postgresql://USER@HOST:PORT/NAME</translation>
    </message>
    <message>
        <source>Used from the next start. The password is never written here: PGPASSWORD or ~/.pgpass.</source>
        <translation>Used from the next start. The password is never written here: PGPASSWORD or ~/.pgpass.</translation>
    </message>
    <message>
        <source>Ministry database</source>
        <translation>Ministry database</translation>
    </message>
    <message>
        <source>Database name (seen by laptops)</source>
        <translation>Database name (seen by laptops)</translation>
    </message>
    <message>
        <source>Database key fingerprint</source>
        <translation>Database key fingerprint</translation>
    </message>
    <message>
        <source>Workstation name</source>
        <translation>Workstation name</translation>
    </message>
    <message>
        <source>Shown beside your name in every record's history, so the ministry can tell where a change was made. Empty: this computer's name.</source>
        <translation>Shown beside your name in every record's history, so the ministry can tell where a change was made. Empty: this computer's name.</translation>
    </message>
    <message>
        <source>Logo for reports</source>
        <translation>Logo for reports</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Save settings</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Not saved: see the messages above.</source>
        <translation>Not saved: see the messages above.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Settings saved.</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Welcome to JIPP Desktop</source>
        <translation>Welcome to JIPP Desktop</translation>
    </message>
    <message>
        <source>Welcome! Before you start, tell the app who works on this laptop. Your name appears in the change history and on reports. You can change everything later under Settings.</source>
        <translation>Welcome! Before you start, tell the app who works on this laptop. Your name appears in the change history and on reports. You can change everything later under Settings.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>This laptop</source>
        <translation>This laptop</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Key fingerprint</translation>
    </message>
    <message>
        <source>Dataset digest</source>
        <translation>Dataset digest</translation>
    </message>
    <message>
        <source>Last exchange</source>
        <translation>Last exchange</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Exchange through a folder…</source>
        <translation>Exchange through a folder…</translation>
    </message>
    <message>
        <source>Export to a folder…</source>
        <translation>Export to a folder…</translation>
    </message>
    <message>
        <source>Export locked with a passphrase…</source>
        <translation>Export locked with a passphrase…</translation>
    </message>
    <message>
        <source>Import a package…</source>
        <translation>Import a package…</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Needs review</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Current value</source>
        <translation>Current value</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Keep the current value</source>
        <translation>Keep the current value</translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation>Use the other value</translation>
    </message>
    <message>
        <source>Trusted laptops</source>
        <translation>Trusted laptops</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Withdraw trust…</source>
        <translation>Withdraw trust…</translation>
    </message>
    <message>
        <source>Missing packages and warnings</source>
        <translation>Missing packages and warnings</translation>
    </message>
    <message>
        <source>Import reports</source>
        <translation>Import reports</translation>
    </message>
    <message>
        <source>Undo this package…</source>
        <translation>Undo this package…</translation>
    </message>
    <message>
        <source>Bring back what this package moved to the Trash</source>
        <translation>Bring back what this package moved to the Trash</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>This database</source>
        <translation>This database</translation>
    </message>
    <message>
        <source>Reading the sync status…</source>
        <translation>Reading the sync status…</translation>
    </message>
    <message>
        <source>hub</source>
        <translation>hub</translation>
    </message>
    <message>
        <source>province</source>
        <translation>province</translation>
    </message>
    <message>
        <source>ministry</source>
        <translation>ministry</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>withdrawn</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Import report</translation>
    </message>
    <message>
        <source>Rename this database</source>
        <translation>Rename this database</translation>
    </message>
    <message>
        <source>Rename this laptop</source>
        <translation>Rename this laptop</translation>
    </message>
    <message>
        <source>The name other laptops see, the same for every workstation of this database (for example Kementerian PANRB):</source>
        <translation>The name other laptops see, the same for every workstation of this database (for example Kementerian PANRB):</translation>
    </message>
    <message>
        <source>The name other laptops see (for example Laptop Simpul Banten 1):</source>
        <translation>The name other laptops see (for example Laptop Simpul Banten 1):</translation>
    </message>
    <message>
        <source>The name must be 1 to 80 characters.</source>
        <translation>The name must be 1 to 80 characters.</translation>
    </message>
    <message>
        <source>Saving the choice…</source>
        <translation>Saving the choice…</translation>
    </message>
    <message>
        <source>Withdraw trust</source>
        <translation>Withdraw trust</translation>
    </message>
    <message>
        <source>Refuse every later package signed by {0} (fingerprint {1})?

What was already imported from it stays. The withdrawal travels with this laptop's packages; laptops that trust this one as a province or ministry laptop will refuse that key too. Use this for a lost or stolen laptop.</source>
        <translation>Refuse every later package signed by {0} (fingerprint {1})?

What was already imported from it stays. The withdrawal travels with this laptop's packages; laptops that trust this one as a province or ministry laptop will refuse that key too. Use this for a lost or stolen laptop.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Export to which folder?</source>
        <translation>Export to which folder?</translation>
    </message>
    <message>
        <source>Lock the package</source>
        <translation>Lock the package</translation>
    </message>
    <message>
        <source>The package will be locked with this passphrase. Write it down or read it to the receiver by phone: it is not kept anywhere, and without it the package cannot be opened. You may type another one (at least 10 characters).</source>
        <translation>The package will be locked with this passphrase. Write it down or read it to the receiver by phone: it is not kept anywhere, and without it the package cannot be opened. You may type another one (at least 10 characters).</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Writing the package…</source>
        <translation>Writing the package…</translation>
    </message>
    <message>
        <source>Package {0} was written to {1}.</source>
        <translation>Package {0} was written to {1}.</translation>
    </message>
    <message>
        <source>Exchange through which folder?</source>
        <translation>Exchange through which folder?</translation>
    </message>
    <message>
        <source>Exchange through a folder</source>
        <translation>Exchange through a folder</translation>
    </message>
    <message>
        <source>Writing and reading packages…</source>
        <translation>Writing and reading packages…</translation>
    </message>
    <message>
        <source>No packages from other laptops in this folder yet.</source>
        <translation>No packages from other laptops in this folder yet.</translation>
    </message>
    <message>
        <source>Import which package?</source>
        <translation>Import which package?</translation>
    </message>
    <message>
        <source>JIPP packages (*.jipp)</source>
        <translation>JIPP packages (*.jipp)</translation>
    </message>
    <message>
        <source>Unknown sender</source>
        <translation>Unknown sender</translation>
    </message>
    <message>
        <source>This package comes from a laptop not trusted yet:

{0}
{1}
Fingerprint: {2}

Compare the fingerprint with the sender (by phone or in person). Trust this sender?</source>
        <translation>This package comes from a laptop not trusted yet:

{0}
{1}
Fingerprint: {2}

Compare the fingerprint with the sender (by phone or in person). Trust this sender?</translation>
    </message>
    <message>
        <source>Locked package</source>
        <translation>Locked package</translation>
    </message>
    <message>
        <source>Passphrase of this package:</source>
        <translation>Passphrase of this package:</translation>
    </message>
    <message>
        <source>Import preview</source>
        <translation>Import preview</translation>
    </message>
    <message>
        <source>Nothing has changed yet. Import these changes?</source>
        <translation>Nothing has changed yet. Import these changes?</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Checking the package…</source>
        <translation>Checking the package…</translation>
    </message>
    <message>
        <source>Many deletions</source>
        <translation>Many deletions</translation>
    </message>
    <message>
        <source>Records in the Trash can be brought back later with "Undo this package". Import this package and move them to the Trash?</source>
        <translation>Records in the Trash can be brought back later with "Undo this package". Import this package and move them to the Trash?</translation>
    </message>
    <message>
        <source>Importing the package…</source>
        <translation>Importing the package…</translation>
    </message>
    <message>
        <source>Undo this package</source>
        <translation>Undo this package</translation>
    </message>
    <message>
        <source>Bring back everything package {0} from {1} moved to the Trash that is still there? Each record comes back as a new change that travels to the other laptops.</source>
        <translation>Bring back everything package {0} from {1} moved to the Trash that is still there? Each record comes back as a new change that travels to the other laptops.</translation>
    </message>
    <message>
        <source>Bringing records back…</source>
        <translation>Bringing records back…</translation>
    </message>
</context>
<context>
    <name>TaskRunner</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>UndoNotice</name>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Bring the records back (Ctrl+Z)</source>
        <translation>Bring the records back (Ctrl+Z)</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) moved to the trash —</source>
        <translation>
            <numerusform>%n record moved to the trash —</numerusform>
            <numerusform>%n records moved to the trash —</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>JIPP Desktop</source>
        <translation>JIPP Desktop</translation>
    </message>
    <message>
        <source>The database file is missing from a data folder that has held data. JIPP Desktop does not start from scratch over it.</source>
        <translation>The database file is missing from a data folder that has held data. JIPP Desktop does not start from scratch over it.</translation>
    </message>
    <message>
        <source>Restore the newest backup (%1)? Files left in the folder are kept in the backups folder.</source>
        <translation>Restore the newest backup (%1)? Files left in the folder are kept in the backups folder.</translation>
    </message>
    <message>
        <source>The database is damaged and cannot be opened.</source>
        <translation>The database is damaged and cannot be opened.</translation>
    </message>
    <message>
        <source>Restore the latest good backup (%1)? The damaged file is kept in the backups folder.</source>
        <translation>Restore the latest good backup (%1)? The damaged file is kept in the backups folder.</translation>
    </message>
    <message>
        <source>The data folder %1 is encrypted. Passphrase:</source>
        <translation>The data folder %1 is encrypted. Passphrase:</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Wrong passphrase.</translation>
    </message>
    <message>
        <source>Opening the data folder…</source>
        <translation>Opening the data folder…</translation>
    </message>
</context>
<context>
    <name>columns</name>
    <message>
        <source>Last changed</source>
        <translation>Last changed</translation>
    </message>
</context>
<context>
    <name>display</name>
    <message>
        <source>Yes</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The file or folder could not be used: {0}</source>
        <translation>The file or folder could not be used: {0}</translation>
    </message>
    <message>
        <source>Something went wrong. The details were written to the log file.</source>
        <translation>Something went wrong. The details were written to the log file.</translation>
    </message>
    <message>
        <source>JIPP Desktop</source>
        <translation>JIPP Desktop</translation>
    </message>
</context>
<context>
    <name>history</name>
    <message>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Deleted</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>File attached</source>
        <translation>File attached</translation>
    </message>
    <message>
        <source>File removed</source>
        <translation>File removed</translation>
    </message>
    <message>
        <source>Time stamp corrected</source>
        <translation>Time stamp corrected</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Attachments</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Home</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Innovations</source>
        <translation>Innovations</translation>
    </message>
    <message>
        <source>Replications</source>
        <translation>Replications</translation>
    </message>
    <message>
        <source>Commitments</source>
        <translation>Commitments</translation>
    </message>
    <message>
        <source>Mentoring</source>
        <translation>Mentoring</translation>
    </message>
    <message>
        <source>Work plans</source>
        <translation>Work plans</translation>
    </message>
    <message>
        <source>Innovation hubs</source>
        <translation>Innovation hubs</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>Synchronisation</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Save the import template</source>
        <translation>Save the import template</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel workbook (*.xlsx);;CSV (*.csv)</translation>
    </message>
</context>
</TS>