<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CaptureBench</name>
    <message>
        <location filename="../capture_bench.py" line="74"/>
        <source>پرونده‌ای انتخاب نشده است</source>
        <translation>No dossier selected</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="84"/>
        <source>اسکن (F6)</source>
        <translation>Scan (F6)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="85"/>
        <source>از فایل…</source>
        <translation>From file…</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="86"/>
        <source>توقف</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="87"/>
        <source>ایراد بعدی (N)</source>
        <translation>Next flag (N)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="88"/>
        <source>پذیرش با دلیل (A)</source>
        <translation>Accept with reason (A)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="89"/>
        <source>حذف با دلیل (Del)</source>
        <translation>Delete with reason (Del)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="90"/>
        <source>اسکن دوباره این صفحه (F7)</source>
        <translation>Rescan this page (F7)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="91"/>
        <source>چرخش ۹۰° (R)</source>
        <translation>Rotate 90° (R)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="92"/>
        <source>طبقه‌بندی صفحه‌ها (C)</source>
        <translation>Classify pages (C)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="93"/>
        <source>پایان اسکن (مرحله ۵)</source>
        <translation>Scanning done (step 5)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="94"/>
        <source>پایان کنترل کیفیت (مرحله ۶)</source>
        <translation>Quality check done (step 6)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="147"/>
        <source>اسکنری پیدا نشد</source>
        <translation>No scanner found</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="166"/>
        <source>تصویربرداری پرونده {barcode} — {name}</source>
        <translation>Imaging dossier {barcode} — {name}</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="186"/>
        <source>{pages} صفحه، {flagged} ایراد باز</source>
        <translation>{pages} pages, {flagged} open flags</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="215"/>
        <source>تصویر در دسترس نیست</source>
        <translation>image not available</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="217"/>
        <source>تکراری</source>
        <translation>duplicate</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="270"/>
        <source>تا پایان دسته در حال اسکن صبر کنید یا آن را متوقف کنید.</source>
        <translation>Wait for the batch being scanned to end, or stop it.</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="272"/>
        <source>دسته‌ای در حال اسکن نیست.</source>
        <translation>No batch is being scanned.</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="274"/>
        <source>نخست یک پرونده را از صف کار انتخاب کنید.</source>
        <translation>First choose a dossier in the work queue.</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="276"/>
        <source>ایراد بازی در صفحه‌های این پرونده نمانده است.</source>
        <translation>No open quality flag is left on this dossier&apos;s pages.</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="288"/>
        <source>صفحه {n} رسید</source>
        <translation>Page {n} arrived</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="310"/>
        <source>تصاویر برای افزودن</source>
        <translation>Images to add</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="311"/>
        <source>تصویر (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</source>
        <translation>Images (*.png *.jpg *.jpeg *.tif *.tiff *.pdf)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="328"/>
        <source>{n} تصویر پیش‌تر در این پرونده بود و دوباره ثبت نشد.</source>
        <translation>{n} images were already in this dossier and were not captured again.</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="330"/>
        <source>{n} صفحه افزوده شد</source>
        <translation>{n} pages added</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="340"/>
        <source>و {n} تصویر دیگر</source>
        <translation>and {n} more images</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="341"/>
        <source>تصویرهای تکراری</source>
        <translation>Duplicate images</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="342"/>
        <source>این تصویرها پیش‌تر در این پرونده بوده‌اند و دوباره ثبت نشدند:</source>
        <translation>These images were already in this dossier and were not captured again:</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="344"/>
        <source>با ذکر دلیل ثبت شوند</source>
        <translation>Capture them, with a reason</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="345"/>
        <source>ثبت نشوند</source>
        <translation>Do not capture</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="354"/>
        <source>چرا این تصویرها باید دوباره در پرونده ثبت شوند؟</source>
        <translation>Why must these images be captured into the dossier again?</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="391"/>
        <source>دلیل پذیرش صفحه {n} با ایراد:</source>
        <translation>Why accept page {n} despite its flag:</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="391"/>
        <source>دلیل حذف صفحه {n}:</source>
        <translation>Why delete page {n}:</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="424"/>
        <source>پایان اسکن ثبت شد ({n} صفحه)</source>
        <translation>End of scanning recorded ({n} pages)</translation>
    </message>
    <message>
        <location filename="../capture_bench.py" line="432"/>
        <source>کنترل کیفیت بسته شد؛ پرونده برای تأیید به ناظر رسید</source>
        <translation>Quality check closed; the dossier went to the supervisor for approval</translation>
    </message>
</context>
<context>
    <name>ClassificationView</name>
    <message>
        <location filename="../classification_view.py" line="149"/>
        <location filename="../classification_view.py" line="297"/>
        <source>پرونده‌ای انتخاب نشده است</source>
        <translation>No dossier selected</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="188"/>
        <source>۱۴۰۳/۰۷/۱۵</source>
        <translation>1403/07/15</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="196"/>
        <source>یادداشت:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="200"/>
        <source>صفحه‌ها:</source>
        <translation>Pages:</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="201"/>
        <source>نوع سند:</source>
        <translation>Document type:</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="202"/>
        <source>سرفصل:</source>
        <translation>Heading:</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="203"/>
        <source>تاریخ سند:</source>
        <translation>Document date:</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="207"/>
        <source>سند</source>
        <translation>Doc.</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="207"/>
        <source>نوع سند</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="207"/>
        <source>سرفصل</source>
        <translation>Heading</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="208"/>
        <source>تاریخ</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="208"/>
        <source>صفحه‌ها</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="222"/>
        <source>ثبت سند (Enter)</source>
        <translation>Save document (Enter)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="223"/>
        <source>همان نوع سند قبلی (فاصله)</source>
        <translation>Same type as before (Space)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="224"/>
        <source>ویرایش سند (F2)</source>
        <translation>Edit document (F2)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="225"/>
        <source>جدا کردن از این صفحه (F3)</source>
        <translation>Split at this page (F3)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="226"/>
        <source>ادغام با سند بعدی (F4)</source>
        <translation>Merge with next document (F4)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="227"/>
        <source>اعمال برگ‌های جداکننده (F8)</source>
        <translation>Apply separator sheets (F8)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="228"/>
        <source>چاپ برگ‌های جداکننده…</source>
        <translation>Print separator sheets…</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="229"/>
        <source>پایان کنترل کیفیت (مرحله ۶)</source>
        <translation>Quality check done (step 6)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="294"/>
        <source>طبقه‌بندی پرونده {barcode} — {name}</source>
        <translation>Classifying dossier {barcode} — {name}</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="329"/>
        <source>{loose} صفحه از {total} صفحه هنوز طبقه‌بندی نشده است</source>
        <translation>{loose} of {total} pages not classified yet</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="332"/>
        <source>همه {total} صفحه در {docs} سند طبقه‌بندی شده است</source>
        <translation>All {total} pages classified in {docs} documents</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="360"/>
        <source>سند {n}</source>
        <translation>Doc. {n}</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="360"/>
        <source>بی‌سند</source>
        <translation>loose</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="368"/>
        <source>هنوز در هیچ سندی نیست</source>
        <translation>Not in any document yet</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="370"/>
        <source>سند {n}: {kind}</source>
        <translation>Document {n}: {kind}</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="382"/>
        <source>نخست یک پرونده را از صف کار انتخاب کنید.</source>
        <translation>First choose a dossier in the work queue.</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="384"/>
        <source>این پرونده هنوز صفحه‌ای ندارد؛ نخست صفحه‌ها را اسکن کنید.</source>
        <translation>This dossier has no pages yet; scan its pages first.</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="391"/>
        <source>تا صفحه {n}: Enter برای انتخاب نوع، فاصله برای همان نوع قبلی. </source>
        <translation>Up to page {n}: Enter to choose the type, Space for the same type as before. </translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="394"/>
        <source>پیمایش: جهت‌ها؛ انتخاب: Shift با جهت‌ها، Home یا End، یا شماره صفحه آخر. Enter: نوع سند؛ فاصله: همان نوع سند قبلی؛ F2 ویرایش، F3 جدا کردن، F4 ادغام.</source>
        <translation>Move: arrows; select: Shift with arrows, Home or End, or type the last page number. Enter: document type; Space: same type as before; F2 edit, F3 split, F4 merge.</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="446"/>
        <source>ویرایش سند {n}</source>
        <translation>Editing document {n}</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="450"/>
        <source>صفحه {first}</source>
        <translation>Page {first}</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="452"/>
        <source>صفحه {first} تا {last} ({count} صفحه)</source>
        <translation>Pages {first} to {last} ({count} pages)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="535"/>
        <source>پیش از این صفحه‌ها سندی نیست؛ نوع سند را بنویسید (Enter).</source>
        <translation>No document before these pages; type the document type (Enter).</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="611"/>
        <source>{sheets} برگ جداکننده کنار گذاشته شد و {docs} سند ساخته شد.</source>
        <translation>{sheets} separator pages set aside and {docs} documents made.</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="615"/>
        <source>برگ‌های جداکننده</source>
        <translation>Separator sheets</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="616"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../classification_view.py" line="619"/>
        <source>برگ‌های جداکننده در {path} نوشته شد.</source>
        <translation>Separator sheets written to {path}.</translation>
    </message>
</context>
<context>
    <name>DossierView</name>
    <message>
        <location filename="../dossier_view.py" line="66"/>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="66"/>
        <source>شماره بیمه</source>
        <translation>Insured number</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="67"/>
        <source>کد ملی</source>
        <translation>National ID</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="67"/>
        <source>محل در بایگانی</source>
        <translation>Archive location</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="68"/>
        <source>وضعیت</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="68"/>
        <source>برگ‌ها</source>
        <translation>Sheets</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="85"/>
        <source>مرحله</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="85"/>
        <source>انجام دهنده</source>
        <translation>Done by</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="85"/>
        <source>زمان</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="86"/>
        <source>جزئیات</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="99"/>
        <source>سند</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="99"/>
        <source>نوع سند</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="99"/>
        <source>سرفصل</source>
        <translation>Heading</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="100"/>
        <source>صفحه‌ها</source>
        <translation>Pages</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="114"/>
        <source>پرونده جدید (۱)</source>
        <translation>New dossier (1)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="115"/>
        <source>برگ شماری (۲)</source>
        <translation>Count sheets (2)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="116"/>
        <source>ثبت و الصاق بارکد (۳)</source>
        <translation>Register and label (3)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="117"/>
        <source>آماده سازی (۴)</source>
        <translation>Prepare (4)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="118"/>
        <source>جمع آوری اوراق (۸)</source>
        <translation>Reassemble (8)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="119"/>
        <source>کنترل تعداد برگ‌ها (۹)</source>
        <translation>Recount sheets (9)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="120"/>
        <source>بازگرداندن به قفسه (۱۰)</source>
        <translation>Reshelve (10)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="121"/>
        <source>خارج از نوبت</source>
        <translation>Out of turn</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="122"/>
        <source>مهر «اسکن شد» سند…</source>
        <translation>Document «Scanned» stamp…</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="266"/>
        <source>برچسب مهر «اسکن شد» سند انتخاب شده، یا خود سند با مهر، را چاپ می‌کند.</source>
        <translation>Prints the «Scanned» stamp sticker of the chosen document, or the document itself with its stamp.</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="269"/>
        <source>در حال خواندن پرونده…</source>
        <translation>Reading the dossier…</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="368"/>
        <source>برچسب بارکد این پرونده چاپ می‌شود؛ با چاپ نخستین برچسب، ثبت پرونده (مرحله ۳) ثبت می‌شود. برچسب را روی جلد پرونده بچسبانید.</source>
        <translation>The barcode label of this dossier is printed; printing the first label records the registration (step 3). Stick the label on the dossier&apos;s cover.</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="382"/>
        <source>اوراق این پرونده را در پوشه بگذارید و برچسب پوشه ({size}) را چاپ و روی آن الصاق کنید؛ با چاپ نخستین برچسب، جمع آوری اوراق (مرحله ۸) ثبت می‌شود.</source>
        <translation>Put the sheets of this dossier back in the folder, then print the folder label ({size}) and stick it on; printing the first label records the reassembly (step 8).</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="390"/>
        <source>مهر «اسکن شد»</source>
        <translation>«Scanned» stamp</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="391"/>
        <source>مهر «اسکن شد» سند {number} این پرونده: نام شعبه، نام و کد کاربر، تاریخ اقدام.</source>
        <translation>The «Scanned» stamp of document {number} of this dossier: branch name, user name and code, date of action.</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="393"/>
        <source>برچسب مهر، برای الصاق روی اصل سند</source>
        <translation>Stamp sticker, to stick on the original document</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="394"/>
        <source>سند اسکن شده با مهر (همان PDF که بارگذاری می‌شود)</source>
        <translation>The scanned document with its stamp (the PDF that is uploaded)</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="169"/>
        <source>پرونده‌ای انتخاب نشده است</source>
        <translation>No dossier selected</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="174"/>
        <source>پرونده {barcode}</source>
        <translation>Dossier {barcode}</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="175"/>
        <source>خارج از نوبت: {reason}</source>
        <translation>Out of turn: {reason}</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="198"/>
        <source>شمارش {n}</source>
        <translation>counted {n}</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="200"/>
        <source>لاغرسازی {n}</source>
        <translation>slimmed {n}</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="202"/>
        <source>بازشماری {n}</source>
        <translation>recounted {n}</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="203"/>
        <location filename="../dossier_view.py" line="207"/>
        <location filename="../dossier_view.py" line="242"/>
        <source>، </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="203"/>
        <source>هنوز شمرده نشده</source>
        <translation>not counted yet</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="206"/>
        <source>برگ</source>
        <translation>sheets</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="206"/>
        <source>لاغرسازی</source>
        <translation>slimmed</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="206"/>
        <source>محل</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="221"/>
        <source>مرحله بعد</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="276"/>
        <source>چاپ دوباره برچسب؛ مرحله دوباره ثبت نمی‌شود.</source>
        <translation>Reprint the label; the step is not recorded again.</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="265"/>
        <source>این پرونده در همه صف‌ها پیش از بقیه می‌آید.</source>
        <translation>This dossier comes first in every queue.</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="274"/>
        <source>نخست سندی طبقه‌بندی شده را از فهرست اسناد انتخاب کنید.</source>
        <translation>First choose a classified document in the list of documents.</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="363"/>
        <source>{w}×{h} میلی‌متر</source>
        <translation>{w} × {h} mm</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="370"/>
        <source>برچسب برای چاپگر برچسب ({size})</source>
        <translation>Label for a label printer ({size})</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="371"/>
        <source>برگ A4 برچسب برای چاپگر معمولی</source>
        <translation>A4 sheet of labels for an ordinary printer</translation>
    </message>
    <message>
        <location filename="../dossier_view.py" line="384"/>
        <source>برچسب پوشه</source>
        <translation>Folder label</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../idle_lock.py" line="54"/>
        <source>صفحه به دلیل بیکاری قفل شد</source>
        <translation>The screen locked after a quiet spell</translation>
    </message>
    <message>
        <location filename="../idle_lock.py" line="61"/>
        <source>باز کردن قفل</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../idle_lock.py" line="64"/>
        <source>ورود با کاربر دیگر</source>
        <translation>Log in as another user</translation>
    </message>
    <message>
        <location filename="../idle_lock.py" line="91"/>
        <source>برای ادامه، {name} گذرواژه خود را دوباره بنویسد.</source>
        <translation>To continue, {name} types their password again.</translation>
    </message>
    <message>
        <location filename="../idle_lock.py" line="101"/>
        <source>کد کاربری و گذرواژه کاربر دیگر را بنویسید.</source>
        <translation>Type the other user&apos;s code and password.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../login_dialog.py" line="82"/>
        <source>ورود به اسکن‌استیشن</source>
        <translation>Log in to ScanStation</translation>
    </message>
    <message>
        <location filename="../login_dialog.py" line="84"/>
        <source>ورود به سامانه پرونده الکترونیک</source>
        <translation>Log in to the electronic file</translation>
    </message>
    <message>
        <location filename="../login_dialog.py" line="88"/>
        <source>ورود</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../login_dialog.py" line="89"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../login_dialog.py" line="105"/>
        <source>هنوز کاربری تعریف نشده است؛ با «scanstation init --demo» یا «scanstation user add» کاربر بسازید.</source>
        <translation>No users yet: create them with &quot;scanstation init --demo&quot; or &quot;scanstation user add&quot;.</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../login_dialog.py" line="39"/>
        <source>کد کاربری</source>
        <translation>User code</translation>
    </message>
    <message>
        <location filename="../login_dialog.py" line="40"/>
        <source>گذرواژه</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../login_dialog.py" line="55"/>
        <source>کد کاربری و گذرواژه را بنویسید.</source>
        <translation>Type your user code and password.</translation>
    </message>
    <message>
        <location filename="../login_dialog.py" line="59"/>
        <source>در حال بررسی…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="32"/>
        <source>اسکن‌استیشن — پرونده الکترونیک</source>
        <translation>ScanStation — electronic file</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="85"/>
        <source>در حال کار…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="107"/>
        <source>اسکن‌استیشن</source>
        <translation>ScanStation</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="120"/>
        <source>، </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../main_window.py" line="121"/>
        <source>کاربر: {name} ({roles})</source>
        <translation>User: {name} ({roles})</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="123"/>
        <source>{name} (کد {code})</source>
        <translation>{name} (code {code})</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="126"/>
        <source>شعبه {code}</source>
        <translation>Branch {code}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="128"/>
        <source>شعبه نامشخص</source>
        <translation>Branch unknown</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="129"/>
        <source>امروز {date}</source>
        <translation>Today {date}</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="45"/>
        <source>خروج از حساب</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="47"/>
        <source>خروج و ورود با کاربر دیگر (Ctrl+Shift+L)</source>
        <translation>Log out and log in as another user (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="185"/>
        <source>کاری هنوز در جریان است؛ پس از پایان آن از حساب خارج شوید.</source>
        <translation>Work is still running; log out when it has finished.</translation>
    </message>
    <message>
        <location filename="../main_window.py" line="132"/>
        <source>پایگاه داده نمونه — برای کار واقعی نیست</source>
        <translation>Demo database — not for real work</translation>
    </message>
</context>
<context>
    <name>PageViewer</name>
    <message>
        <location filename="../page_viewer.py" line="216"/>
        <source>صفحه‌ای برای نمایش نیست</source>
        <translation>No page to show</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="221"/>
        <source>کل صفحه</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="222"/>
        <source>پهنای صفحه</source>
        <translation>Page width</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="224"/>
        <source>سند قبلی</source>
        <translation>Previous document</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="225"/>
        <source>سند بعدی</source>
        <translation>Next document</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="420"/>
        <source>تصویر این صفحه خوانده نشد؛ پوشه صفحه‌ها را بررسی کنید.</source>
        <translation>This page&apos;s image could not be read; check the page folder.</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="437"/>
        <source>رو</source>
        <translation>front</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="437"/>
        <source>پشت</source>
        <translation>back</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="438"/>
        <source>برگ {n}</source>
        <translation>sheet {n}</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="443"/>
        <source>صفحه {n} از {total}</source>
        <translation>page {n} of {total}</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="447"/>
        <source>هنوز در سندی نیست</source>
        <translation>not in a document yet</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="450"/>
        <source>سند {n}</source>
        <translation>document {n}</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="456"/>
        <source>، </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="458"/>
        <source>ایراد کنترل کیفیت: {flags} — پذیرفته شد: {reason}</source>
        <translation>Quality flags: {flags} — accepted: {reason}</translation>
    </message>
    <message>
        <location filename="../page_viewer.py" line="460"/>
        <source>ایراد کنترل کیفیت: {flags} — هنوز پذیرفته نشده</source>
        <translation>Quality flags: {flags} — not accepted yet</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../queue_view.py" line="34"/>
        <source>بارکد</source>
        <translation>Barcode</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="34"/>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="35"/>
        <source>شماره بیمه</source>
        <translation>Insured number</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="35"/>
        <source>کد ملی</source>
        <translation>National ID</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="36"/>
        <source>وضعیت</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="36"/>
        <source>محل</source>
        <translation>Location</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="37"/>
        <source>تاریخ ثبت</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="68"/>
        <source>خارج از نوبت: {reason}</source>
        <translation>Out of turn: {reason}</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../queue_view.py" line="98"/>
        <source>جستجو: بارکد، شماره بیمه یا کد ملی (Ctrl+F)</source>
        <translation>Search: barcode, insured number or national ID (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="101"/>
        <source>همه پرونده‌های در جریان</source>
        <translation>All dossiers in progress</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="103"/>
        <source>آماده مرحله {number}: {title}</source>
        <translation>Ready for step {number}: {title}</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="121"/>
        <source>صف کار</source>
        <translation>Work queue</translation>
    </message>
    <message>
        <location filename="../queue_view.py" line="166"/>
        <source>{count} پرونده</source>
        <translation>{count} dossiers</translation>
    </message>
</context>
<context>
    <name>StepDialogs</name>
    <message>
        <location filename="../step_dialogs.py" line="57"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="74"/>
        <source>در حال ثبت…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="87"/>
        <source>پرونده جدید — خارج کردن از ردیف بایگانی</source>
        <translation>New dossier — taken off the archive shelf</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="88"/>
        <source>شماره بیمه</source>
        <translation>Insured number</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="89"/>
        <source>مثلاً ۱۰۰۰۲۳۴۵۶۷</source>
        <translation>e.g. 1000234567</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="90"/>
        <source>کد ملی</source>
        <translation>National ID</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="90"/>
        <source>ده رقم</source>
        <translation>ten digits</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="91"/>
        <source>نام و نام خانوادگی بیمه شده</source>
        <translation>Insured person&apos;s full name</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="92"/>
        <location filename="../step_dialogs.py" line="126"/>
        <source>محل در بایگانی (ردیف/قفسه)</source>
        <translation>Archive location (row/shelf)</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="93"/>
        <source>مثلاً ردیف ۳ قفسه ۱۲</source>
        <translation>e.g. row 3 shelf 12</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="94"/>
        <source>دلیل خارج از نوبت (اگر هست)</source>
        <translation>Out-of-turn reason (if any)</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="95"/>
        <source>خالی یعنی در نوبت</source>
        <translation>empty means in turn</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="96"/>
        <source>ثبت پرونده</source>
        <translation>Register dossier</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="101"/>
        <source>برگ شماری</source>
        <translation>Sheet count</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="102"/>
        <source>برگ‌های پرونده را بشمارید (هر برگ یک بار، نه هر رو).</source>
        <translation>Count the dossier&apos;s sheets (each sheet once, not each side).</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="103"/>
        <location filename="../step_dialogs.py" line="119"/>
        <source>تعداد برگ‌ها</source>
        <translation>Number of sheets</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="104"/>
        <source>ثبت برگ شماری</source>
        <translation>Save count</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="109"/>
        <source>آماده سازی</source>
        <translation>Preparation</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="110"/>
        <source>گیره‌ها را باز کنید، برگ‌های آسیب‌دیده را ترمیم و مرتب کنید.</source>
        <translation>Remove the clips, repair damaged sheets and put them in order.</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="111"/>
        <source>تعداد برگ‌های لاغرسازی شده</source>
        <translation>Sheets slimmed out</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="112"/>
        <source>ثبت آماده سازی</source>
        <translation>Save preparation</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="117"/>
        <source>کنترل تعداد برگ‌ها</source>
        <translation>Recount sheets</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="118"/>
        <source>برگ‌های پرونده جمع‌آوری شده را دوباره بشمارید.</source>
        <translation>Count the reassembled sheets again.</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="120"/>
        <source>ثبت بازشماری</source>
        <translation>Save recount</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="125"/>
        <source>بازگرداندن به قفسه</source>
        <translation>Reshelve</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="127"/>
        <source>ثبت بازگرداندن</source>
        <translation>Save reshelving</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="132"/>
        <source>خارج از نوبت</source>
        <translation>Out of turn</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="133"/>
        <source>این پرونده در همه صف‌ها پیش از بقیه می‌آید.</source>
        <translation>This dossier comes first in every queue.</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="134"/>
        <source>دلیل</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="135"/>
        <source>مثلاً: بیمه شده در باجه است</source>
        <translation>e.g. the insured person is at the counter</translation>
    </message>
    <message>
        <location filename="../step_dialogs.py" line="136"/>
        <source>ثبت خارج از نوبت</source>
        <translation>Mark out of turn</translation>
    </message>
</context>
<context>
    <name>StoreCheckView</name>
    <message>
        <location filename="../store_check_view.py" line="31"/>
        <source>بررسی همه تصویرها</source>
        <translation>Check every image</translation>
    </message>
    <message>
        <location filename="../store_check_view.py" line="33"/>
        <source>توقف</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../store_check_view.py" line="37"/>
        <source>هر تصویر صفحه دوباره خوانده و با هش ثبت‌شده در پایگاه داده سنجیده می‌شود.</source>
        <translation>Every page image is read again and compared with the hash recorded in the database.</translation>
    </message>
    <message>
        <location filename="../store_check_view.py" line="73"/>
        <source>بررسی پس از {files} تصویر متوقف شد.</source>
        <translation>The check stopped after {files} images.</translation>
    </message>
    <message>
        <location filename="../store_check_view.py" line="75"/>
        <source>همه {files} تصویر سالم است.</source>
        <translation>All {files} images are intact.</translation>
    </message>
    <message>
        <location filename="../store_check_view.py" line="77"/>
        <source>{count} صفحه تصویر سالم ندارد؛ آن‌ها را دوباره اسکن کنید یا از پشتیبان برگردانید.</source>
        <translation>{count} pages have no intact image: rescan them or restore them from a backup.</translation>
    </message>
</context>
<context>
    <name>TypeChooser</name>
    <message>
        <location filename="../classification_view.py" line="76"/>
        <source>چند حرف از نام یا کد نوع سند</source>
        <translation>A few letters of the type name or code</translation>
    </message>
</context>
<context>
    <name>UsersAdmin</name>
    <message>
        <location filename="../users_admin.py" line="52"/>
        <source>کد</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="52"/>
        <source>نام</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="52"/>
        <source>نقش‌ها</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="52"/>
        <source>وضعیت</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="59"/>
        <source>کاربر تازه…</source>
        <translation>New user…</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="60"/>
        <source>نقش‌ها…</source>
        <translation>Roles…</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="61"/>
        <source>باز کردن قفل</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="62"/>
        <source>گذرواژه تازه…</source>
        <translation>New password…</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="63"/>
        <location filename="../users_admin.py" line="117"/>
        <source>غیرفعال کردن</source>
        <translation>Deactivate</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="91"/>
        <source>، </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="93"/>
        <source>غیرفعال</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="95"/>
        <source>قفل تا {time}</source>
        <translation>Locked until {time}</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="97"/>
        <source>فعال</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="117"/>
        <source>فعال کردن</source>
        <translation>Activate</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="138"/>
        <source>کاربر تازه</source>
        <translation>New user</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="139"/>
        <source>کد کاربر با حروف لاتین و رقم؛ دست‌کم یک نقش را برگزینید.</source>
        <translation>User code in Latin letters and digits; choose at least one role.</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="140"/>
        <source>کد کاربر</source>
        <translation>User code</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="141"/>
        <source>نام و نام خانوادگی</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="142"/>
        <source>گذرواژه</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="143"/>
        <source>افزودن کاربر</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="154"/>
        <source>نقش‌های {code}</source>
        <translation>Roles of {code}</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="155"/>
        <source>ثبت نقش‌ها</source>
        <translation>Save roles</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="163"/>
        <source>گذرواژه تازه برای {code}</source>
        <translation>New password for {code}</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="164"/>
        <source>گذرواژه را به خود کاربر بدهید؛ قفل حساب هم باز می‌شود.</source>
        <translation>Give the password to the user in person; this also unlocks the account.</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="165"/>
        <source>گذرواژه تازه</source>
        <translation>New password</translation>
    </message>
    <message>
        <location filename="../users_admin.py" line="166"/>
        <source>ثبت گذرواژه</source>
        <translation>Save password</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <location filename="../operations.py" line="32"/>
        <source>پیام اسکن‌استیشن</source>
        <translation>ScanStation message</translation>
    </message>
    <message>
        <location filename="../operations.py" line="35"/>
        <source>باشه</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../operations.py" line="127"/>
        <source>خطای پیش‌بینی نشده: {error}</source>
        <translation>Unexpected error: {error}</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <location filename="../printing.py" line="35"/>
        <source>چاپ نشد: برنامه {tool} از poppler-utils اجرا نشد ({error}).</source>
        <translation>Not printed: the poppler-utils program {tool} did not run ({error}).</translation>
    </message>
    <message>
        <location filename="../printing.py" line="74"/>
        <source>چاپگر آماده نیست؛ چاپ نشد.</source>
        <translation>The printer is not ready; nothing was printed.</translation>
    </message>
    <message>
        <location filename="../printing.py" line="76"/>
        <source>چاپگر برگ بعد را نپذیرفت؛ چاپ ناتمام ماند.</source>
        <translation>The printer did not accept the next page; printing is incomplete.</translation>
    </message>
    <message>
        <location filename="../printing.py" line="93"/>
        <source>فایل {path} نوشته نشد ({error}).</source>
        <translation>The file {path} was not written ({error}).</translation>
    </message>
    <message>
        <location filename="../printing.py" line="118"/>
        <source>چاپ…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../printing.py" line="120"/>
        <source>ذخیره PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <location filename="../printing.py" line="123"/>
        <source>انصراف</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../printing.py" line="151"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>screens</name>
    <message>
        <location filename="../screens.py" line="41"/>
        <source>پرونده</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../screens.py" line="42"/>
        <source>تصویربرداری و کنترل کیفیت</source>
        <translation>Imaging and quality check</translation>
    </message>
    <message>
        <location filename="../screens.py" line="43"/>
        <source>طبقه‌بندی صفحه‌ها</source>
        <translation>Classify pages</translation>
    </message>
    <message>
        <location filename="../screens.py" line="44"/>
        <source>کاربران</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../screens.py" line="45"/>
        <source>بررسی مخزن تصویرها</source>
        <translation>Image store check</translation>
    </message>
</context>
</TS>
