; Inno Setup script for the Windows installer (x64). The Windows workflow
; (.github/workflows/windows.yml) builds it; by hand, on Windows:
;   py -3.11 -m venv .venv && .venv\Scripts\pip install -e .[package]
;   .venv\Scripts\pyinstaller --noconfirm packaging\lbn-quartermaster.spec
;   iscc /DAppVersion=0.1.0 packaging\lbn-quartermaster.iss
; Signing (agencies with AppLocker or SmartScreen): see README, "Windows station PCs".
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "LBN Quartermaster"
#define DataFolderName "LBN Quartermaster"

[Setup]
AppId={{5E0C8B7A-3B7E-4C59-9D0B-1C7A4E2F9B11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=LBN Quartermaster
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppName}
DefaultDirName={autopf}\LBN Quartermaster
DefaultGroupName=LBN Quartermaster
OutputDir=..\dist
OutputBaseFilename=lbn-quartermaster-{#AppVersion}-setup
SetupIconFile=..\resources\icons\lbn-quartermaster.ico
UninstallDisplayIcon={app}\lbn-desktop.exe
Compression=lzma2
SolidCompression=yes
; A machine-wide install (one agency database per PC) needs administrator rights; a per-user
; install may be chosen in the dialog.
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Upgrades: the running app is asked to close first (the app holds this mutex while it runs).
AppMutex=LBNQuartermasterRunning
CloseApplications=yes
UsePreviousAppDir=yes
DisableProgramGroupPage=yes

[Files]
Source: "..\dist\lbn-quartermaster\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Dirs]
; The shared data folder: every user of the station PC may read and write the agency database.
Name: "{code:DataFolder}"; Permissions: users-modify; Check: SharedData

[INI]
; Read by the window, the console program and scheduled tasks (lbn_desktop/station_config.py).
Filename: "{app}\lbn-quartermaster.ini"; Section: "data"; Key: "folder"; String: "{code:DataFolder}"; Check: SharedData

[Icons]
Name: "{group}\LBN Quartermaster"; Filename: "{app}\lbn-desktop.exe"
Name: "{autodesktop}\LBN Quartermaster"; Filename: "{app}\lbn-desktop.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; GroupDescription: "Shortcuts:"

[Run]
Filename: "{app}\lbn-desktop.exe"; Description: "Start LBN Quartermaster"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Program files only: the agency's data folder is never removed by the uninstaller.
Type: files; Name: "{app}\lbn-quartermaster.ini"

[Code]
var
  DataPage: TInputOptionWizardPage;
  FolderPage: TInputDirWizardPage;

procedure InitializeWizard;
begin
  DataPage := CreateInputOptionPage(wpSelectDir,
    'Where the agency''s data is kept',
    'Choose who shares the stock records on this PC.',
    'Most stations have one quartermaster database that every crew member''s Windows login '
    + 'uses. Choose "each user" only if every login should keep separate records.',
    True, False);
  DataPage.Add('Everyone who uses this PC shares one agency database (recommended)');
  DataPage.Add('Each Windows user keeps a database of their own');
  DataPage.Values[0] := True;
  FolderPage := CreateInputDirPage(DataPage.ID, 'Shared data folder',
    'The agency database, backups and logs are kept here.',
    'The folder is made writable for all users of this PC.', False, '');
  FolderPage.Add('');
  FolderPage.Values[0] := GetPreviousData('DataFolder',
    ExpandConstant('{commonappdata}\{#DataFolderName}'));
end;

function ShouldSkipPage(PageID: Integer): Boolean;
begin
  Result := (PageID = FolderPage.ID) and not DataPage.Values[0];
end;

procedure RegisterPreviousData(PreviousDataKey: Integer);
begin
  SetPreviousData(PreviousDataKey, 'DataFolder', FolderPage.Values[0]);
end;

function SharedData: Boolean;
begin
  Result := DataPage.Values[0];
end;

function DataFolder(Param: String): String;
begin
  Result := FolderPage.Values[0];
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox('LBN Quartermaster was removed. The agency''s records, backups and logs were kept '
      + '(by default in ' + ExpandConstant('{commonappdata}\{#DataFolderName}') + ' or in your '
      + 'user data folder); delete that folder yourself only if you no longer need them.',
      mbInformation, MB_OK);
end;
