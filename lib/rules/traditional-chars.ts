/**
 * Traditional → simplified forms of the characters that occur in brand names, rule terms and shop
 * names. Titles from Taiwan and Hong Kong sellers (and sellers dodging keyword filters) write 愛馬仕,
 * 勞力士, 高倣; folding them lets one simplified pattern catch both. Not a general converter: only
 * characters worth matching are listed, as pairs of traditional then simplified.
 */
export const TRADITIONAL_TO_SIMPLIFIED =
  '愛爱馬马華华倫伦奧奥蘭兰聖圣羅罗寶宝勞劳歐欧亞亚麗丽範范紀纪諾诺費费達达馳驰號号鑒鉴鑑鉴購购買买賣卖貨货' +
  '單单廠厂復复頂顶級级純纯對对錶表鏈链項项鍊链環环鐲镯圍围裝装錢钱帶带鏡镜風风類类適适內内膽胆換换邁迈樂乐' +
  '鐵铁綠绿葉叶紅红藍蓝鑽钻銀银鑰钥凱凯鉑铂睞睐驢驴雙双標标準准專专營营櫃柜實实體体驗验證证書书產产義义國国' +
  '際际郵邮倣仿雲云貝贝藝艺術术萊莱緻致頓顿寧宁臺台灣湾緞缎絲丝綢绸襯衬褲裤衛卫飾饰鍍镀檢检測测訂订選选擇择' +
  '細细節节價价優优權权機机瑪玛兒儿麥麦龍龙蓋盖誌志漁渔鴨鸭鱷鳄魚鱼軟软貼贴禮礼說说無无損损舊旧閒闲場场門门' +
  '東东鳳凤漢汉維维護护顏颜圖图獨独紋纹壓压鑲镶錬链屬属塗涂層层偽伪僞伪製制鈕钮釦扣針针織织編编韆千瑋玮' +
  '寵宠紗纱傘伞幣币條条這这' +
  '魯鲁爾尔鐘钟時时動动飛飞鋼钢計计鷹鹰嵐岚詩诗紳绅貴贵賓宾傑杰輝辉燈灯萬万億亿齊齐鳥鸟鵝鹅勳勋蘇苏紐纽約约騰腾蓮莲濤涛歲岁鑄铸鏤镂';
